/*
 * component.hxx — what a Calc add-in component of kmgca has besides its
 * functions: one service of its own (and com.sun.star.sheet.AddIn), a
 * locale, and the factory LibreOffice asks for. Shared by the add-in
 * (kmgca_addin.cxx) and the benchmark's no-op (bench/noop_addin.cxx), so
 * that both are the same kind of object and Calc calls them the same way.
 *
 * A component derives from AddInComponent<Itself, its IDL interface>, names
 * SERVICE_NAME and IMPLEMENTATION_NAME, implements its functions and the
 * rest of XAddIn, and exports
 *     component_getFactory(...) { return component_factory<Itself>(...); }
 */
#ifndef KMGCA_ADDIN_COMPONENT_HXX
#define KMGCA_ADDIN_COMPONENT_HXX

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ustring.hxx>

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>

namespace kmgca_uno {

namespace css = com::sun::star;

template <class Impl, class Functions>
class AddInComponent
    : public cppu::WeakImplHelper4<Functions, css::sheet::XAddIn, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
protected:
    css::lang::Locale locale{"en", "US", rtl::OUString()};

public:
    /* XLocalizable */
    void SAL_CALL setLocale(const css::lang::Locale &l) override { locale = l; }
    css::lang::Locale SAL_CALL getLocale() override { return locale; }

    /* XServiceName, XServiceInfo */
    rtl::OUString SAL_CALL getServiceName() override
    {
        return rtl::OUString::createFromAscii(Impl::SERVICE_NAME);
    }
    rtl::OUString SAL_CALL getImplementationName() override { return implementation_name(); }
    sal_Bool SAL_CALL supportsService(const rtl::OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        return services();
    }

    /* For the factory. */
    static css::uno::Sequence<rtl::OUString> SAL_CALL services()
    {
        css::uno::Sequence<rtl::OUString> names(2);
        names.getArray()[0] = rtl::OUString::createFromAscii(Impl::SERVICE_NAME);
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }
    static rtl::OUString SAL_CALL implementation_name()
    {
        return rtl::OUString::createFromAscii(Impl::IMPLEMENTATION_NAME);
    }
    static css::uno::Reference<css::uno::XInterface> SAL_CALL
    create(const css::uno::Reference<css::uno::XComponentContext> &)
    {
        return static_cast<cppu::OWeakObject *>(new Impl);
    }
};

/* What component_getFactory answers for a library of one component. */
template <class Impl>
void *component_factory(const char *name, void *service_manager, void *registry)
{
    static const cppu::ImplementationEntry entries[] = {
        {Impl::create, Impl::implementation_name, Impl::services,
         cppu::createSingleComponentFactory, nullptr, 0},
        {nullptr, nullptr, nullptr, nullptr, nullptr, 0}};
    return cppu::component_getFactoryHelper(name, service_manager, registry, entries);
}

} // namespace kmgca_uno

#endif
