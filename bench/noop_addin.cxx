/*
 * noop_addin.cxx — the cheapest Calc add-in call of MAGNESIUM's shape, for
 * bench/addin.py only (built by `make bench-addin`, never shipped).
 *
 * KMGCANOOP(food; amount; unit) takes the arguments MAGNESIUM takes, typed
 * as in addin/idl/XCalcFunctions.idl (string, double, any; an any result),
 * and gives back the amount: Calc converts the same three arguments and the
 * same result through the same UNO add-in machinery, and kmgca does nothing.
 * The time MAGNESIUM takes beyond it is kmgca's own work. It is the same kind
 * of component as the real add-in (addin/component.hxx); no kmgca code is
 * linked in.
 */
#include "component.hxx"

#include <org/kmgca/bench/XNoopFunctions.hpp>

using rtl::OUString;

namespace {

const char *const ARG_NAMES[] = {"food", "amount", "unit"};

bool is_noop(const OUString &method) { return method == "kmgcanoop"; }

class NoopFunctions
    : public kmgca_uno::AddInComponent<NoopFunctions, org::kmgca::bench::XNoopFunctions> {
public:
    static constexpr const char *SERVICE_NAME = "org.kmgca.bench.NoopFunctions";
    static constexpr const char *IMPLEMENTATION_NAME = "org.kmgca.bench.NoopFunctionsImpl";

    /* XNoopFunctions */
    com::sun::star::uno::Any SAL_CALL kmgcanoop(const OUString &, double amount,
                                                const com::sun::star::uno::Any &) override
    {
        return com::sun::star::uno::Any(amount);
    }

    /* XAddIn: the names the formula parser and the Function Wizard ask for. */
    OUString SAL_CALL getProgrammaticFuntionName(const OUString &display) override
    {
        return display.equalsIgnoreAsciiCase("KMGCANOOP") ? OUString("kmgcanoop") : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString &method) override
    {
        return is_noop(method) ? OUString("KMGCANOOP") : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString &method) override
    {
        return is_noop(method) ? OUString("Benchmark only: gives back the amount.") : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString &method, sal_Int32 arg) override
    {
        return is_noop(method) && arg >= 0 && arg < 3 ? OUString::createFromAscii(ARG_NAMES[arg])
                                                       : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString &method, sal_Int32 arg) override
    {
        return getDisplayArgumentName(method, arg);
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString &) override
    {
        return OUString("Add-In");
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString &) override
    {
        return OUString("kmgca benchmark");
    }
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *name,
                                                                    void *service_manager,
                                                                    void *registry)
{
    return kmgca_uno::component_factory<NoopFunctions>(name, service_manager, registry);
}
