/*
 * kmgca_addin.cxx — the LibreOffice Calc add-in: the kmgca functions in cells.
 *
 * A thin UNO component over the C core (include/kmgca.h, linked in
 * statically). It turns Calc's arguments into C strings and numbers, calls
 * the core, and turns the answer into a cell value. What a function does is
 * the core's business; what it is called and how the Function Wizard
 * describes it is in the table `functions` below (English and Chinese).
 *
 * The one rule for errors (README, "The Calc add-in"):
 *   - an argument that cannot be used (unknown food, unit, drug, nutrient or
 *     sex; a food matched only weakly, below KMGCA_LOW_CONFIDENCE; a
 *     negative or absurd amount; ranges of different sizes) throws
 *     IllegalArgumentException: the cell shows Err:502;
 *   - a question the tables cannot answer (a mineral not measured in that
 *     food, no target for that age in that reference) gives a void result:
 *     the cell shows #N/A.
 * Never a magic string, never a 0 standing for "unknown".
 */
#include <kmgca.h>

#include "component.hxx"

#include <uno/lbnames.h>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/kmgca/XCalcFunctions.hpp>

#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace css = com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::RuntimeException;
using css::uno::Sequence;
using css::uno::XInterface;
using rtl::OUString;

namespace {

/* ---- The functions as people see them ----------------------------------- */

struct ArgText {
    const char *name_en, *name_zh, *desc_en, *desc_zh;
};

struct FunctionText {
    const char *method; /* the IDL method */
    const char *name_en, *name_zh, *desc_en, *desc_zh;
    ArgText args[6];
};

const ArgText FOOD = {"food", "食物",
                      "The food as you would write it: \"almonds\", \"spinach, boiled\", \"菠菜\".",
                      "食物名称，照常书写即可：\"almonds\"、\"spinach, boiled\"、\"菠菜\"。"};
const ArgText AMOUNT = {"amount", "数量", "How much of the unit: 30, 1.5, 2.",
                        "以所给单位计的数量：30、1.5、2。"};
const ArgText UNIT_OPT = {"unit", "单位",
                          "Optional. g (the default), kg, oz, lb, cup, tbsp, tsp, ml, 斤, 两, a "
                          "household word or container (medium, slice, glass, bowl, handful) "
                          "or a Chinese measure word (个, 根, 碗, 杯, 把, 片).",
                          "可选。g（默认）、kg、oz、lb、cup、tbsp、tsp、ml、斤、两，家用量词或"
                          "容器（medium、slice、glass、bowl、handful），或中文量词（个、根、碗、"
                          "杯、把、片）。"};
const ArgText NUTRIENT = {"nutrient", "营养素", "Ca, Mg, K or Na (or calcium, 钙, ...).",
                          "Ca、Mg、K 或 Na（也可写 calcium、钙 等）。"};

#define MINERAL(method, en, zh, mineral_en, mineral_zh)                                     \
    {method, en, zh,                                                                        \
     "Milligrams of " mineral_en " in an amount of a food, from the USDA SR28 and FNDDS "  \
     "tables and the Taiwan FDA Food Nutrient Database (TFDA 2025, OGDL-Taiwan-1.0, "       \
     "data.gov.tw/license). #N/A when the tables do not give " mineral_en " for that food.", \
     "某食物一定量中" mineral_zh "的毫克数，数据来自 USDA SR28 与 FNDDS 及衛生福利部食品藥物" \
     "管理署食品營養成分資料庫 (2025，政府資料開放授權條款 data.gov.tw/license)。若该食物未测定" \
     mineral_zh "，返回 #N/A。",                                                            \
     {FOOD, AMOUNT, UNIT_OPT}}

const FunctionText functions[] = {
    MINERAL("magnesium", "MAGNESIUM", "镁", "magnesium", "镁"),
    MINERAL("potassium", "POTASSIUM", "钾", "potassium", "钾"),
    MINERAL("calcium", "CALCIUM", "钙", "calcium", "钙"),
    MINERAL("sodium", "SODIUM", "钠", "sodium", "钠"),
    {"foodgrams", "FOODGRAMS", "食物克数",
     "Grams that an amount of a food weighs, through the food's household measures or the "
     "size of a container for that kind of food: FOODGRAMS(\"土豆\"; 1; \"个\") is one "
     "medium potato.",
     "按食物的家用量度或该类食物的容器大小，将数量换算为克：FOODGRAMS(\"土豆\"; 1; \"个\") "
     "为一个中等大小的土豆。",
     {FOOD, AMOUNT,
      {"unit", "单位",
       "g, oz, cup, tbsp, ml, 斤, 两, a household word or container (medium, slice, glass, "
       "bowl) or a Chinese measure word (个, 根, 碗, 杯).",
       "g、oz、cup、tbsp、ml、斤、两，家用量词或容器（medium、slice、glass、bowl），或中文"
       "量词（个、根、碗、杯）。"}}},
    {"foodmatch", "FOODMATCH", "食物匹配",
     "The USDA food a text is matched to. As an array (one row): description, confidence "
     "(0 to 1), source table and food id.",
     "文字所匹配的 USDA 食物。作为数组（一行）：名称、置信度（0 到 1）、来源表、食物编号。",
     {FOOD}},
    {"dritarget", "DRITARGET", "膳食目标",
     "The daily target in mg (RDA, AI or RNI) for a person. #N/A when the reference has no "
     "value for that age.",
     "某人每日目标摄入量（毫克，RDA、AI 或 RNI）。若该参考标准没有对应年龄的数值，返回 #N/A。",
     {NUTRIENT,
      {"age", "年龄", "Age in years (0.5 for six months).", "年龄（岁，六个月写 0.5）。"},
      {"sex", "性别", "f or m (female, male, 女, 男).", "f 或 m（female、male、女、男）。"},
      {"status", "状态", "Optional. pregnant or lactating.", "可选。pregnant（孕期）或 lactating（哺乳期）。"},
      {"reference", "参考标准",
       "Optional. US (US/Canada DRIs, the default) or China (Chinese DRIs 2023).",
       "可选。US（美国/加拿大 DRIs，默认）或 China（中国居民膳食营养素参考摄入量 2023）。"}}},
    {"drugeffect", "DRUGEFFECT", "药物影响",
     "How a medicine moves a mineral: down, up, minor_down, minor_up, variable or neutral. "
     "Informs, never advises: do not change a medicine on your own.",
     "药物对某种矿物质的影响：down、up、minor_down、minor_up、variable 或 neutral。"
     "仅供参考，请勿自行更改用药。",
     {{"drug", "药物", "The medicine as written on a list: \"HCTZ 25 mg\", \"氢氯噻嗪片\".",
       "用药清单上的写法：\"HCTZ 25 mg\"、\"氢氯噻嗪片\"。"},
      NUTRIENT}},
    {"drugclass", "DRUGCLASS", "药物类别", "The class of a medicine: \"thiazide diuretic\".",
     "药物类别，例如 \"thiazide diuretic\"（噻嗪类利尿剂）。",
     {{"drug", "药物", "The medicine as written on a list.", "用药清单上的写法。"}}},
    {"sweatloss", "SWEATLOSS", "汗液流失",
     "Litres of sweat in an exercise session (Gonzalez et al. 2009), or mg of a mineral lost "
     "in it when a nutrient is given (Montain et al. 2007; Baker 2016 for Na).",
     "一次运动的出汗量（升，Gonzalez 等 2009）；给出营养素时为随汗流失的毫克数"
     "（Montain 等 2007；钠依据 Baker 2016）。",
     {{"minutes", "分钟", "Length of the session in minutes.", "运动时长（分钟）。"},
      {"intensity", "强度", "light, moderate, vigorous, or a MET value.",
       "light、moderate、vigorous，或 MET 数值。"},
      {"temperature", "气温", "Air temperature in °C.", "气温（摄氏度）。"},
      {"nutrient", "营养素", "Optional. Ca, Mg, K or Na: mg lost instead of litres.",
       "可选。Ca、Mg、K 或 Na：返回流失毫克数而非升数。"},
      {"humidity", "湿度", "Optional. Relative humidity in % (default 50).",
       "可选。相对湿度 %（默认 50）。"},
      {"bodymass", "体重", "Optional. Body mass in kg (default 70).",
       "可选。体重（千克，默认 70）。"}}},
    {"elemental", "ELEMENTAL", "元素含量",
     "Milligrams of calcium, magnesium or potassium (the element) in a supplement or medicine "
     "as written: a brand at its label strength (drugtables/supplements.csv), a salt at its "
     "elemental share (calcium carbonate 40 %, magnesium oxide 60 %, potassium chloride 52 %), "
     "mEq and mmol; times the count and how often when the dose says so. "
     "ELEMENTAL(\"Mag-Ox 400\"; \"Mg\") is 241.3.",
     "补充剂或药物中钙、镁或钾（元素）的毫克数：品牌按标签规格（drugtables/supplements.csv），"
     "盐类按元素所占比例（碳酸钙 40%、氧化镁 60%、氯化钾 52%），mEq 与 mmol 按原子量换算；"
     "剂量写明数量和次数时相乘。ELEMENTAL(\"Mag-Ox 400\"; \"Mg\") 为 241.3。",
     {{"supplement", "补充剂",
       "The supplement or medicine as written: \"Caltrate 600+D\", \"calcium carbonate "
       "1250 mg\", \"氯化钾缓释片 0.5g\".",
       "照常书写的补充剂或药物：\"Caltrate 600+D\"、\"calcium carbonate 1250 mg\"、"
       "\"氯化钾缓释片 0.5g\"。"},
      {"nutrient", "营养素", "Ca, Mg or K (or calcium, 镁, ...).", "Ca、Mg 或 K（也可写 calcium、镁 等）。"},
      {"dose", "剂量",
       "Optional. How much and how often: \"2 tablets\", \"1 tab bid\", \"每日2次，一次1片\". "
       "Without it, one tablet or dose.",
       "可选。数量和次数：\"2 tablets\"、\"1 tab bid\"、\"每日2次，一次1片\"。"
       "不写时按一片或一次计。"}}},
    {"dailyintake", "DAILYINTAKE", "每日摄入",
     "Totals a food diary by day. An array, one row a day in date order: date, Ca, Mg, K and "
     "Na in mg.",
     "按日汇总饮食日记。数组，每天一行，按日期排序：日期、Ca、Mg、K、Na（毫克）。",
     {{"dates", "日期", "The diary's dates (cells holding dates, or text like 2026-11-24).",
       "日记的日期（日期单元格，或 2026-11-24 这样的文字）。"},
      {"foods", "食物", "The diary's foods, one a row.", "日记中的食物，每行一种。"},
      {"amounts", "数量", "The amounts, one a row.", "数量，每行一个。"},
      {"units", "单位", "Optional. The units, one a row, or one unit for all (default g).",
       "可选。单位，每行一个，或一个单位用于全部（默认 g）。"}}},
};

const FunctionText *find_function(const OUString &method)
{
    for (const FunctionText &f : functions)
        if (method.equalsAscii(f.method))
            return &f;
    return nullptr;
}

size_t arg_count(const FunctionText &f)
{
    size_t n = 0;
    while (n < 6 && f.args[n].name_en)
        n++;
    return n;
}

OUString u(const char *utf8) { return OUString::fromUtf8(utf8 ? utf8 : ""); }

std::string utf8(const OUString &s)
{
    return std::string(rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr());
}

/* ---- Errors --------------------------------------------------------------- */

[[noreturn]] void bad_argument(const std::string &why, sal_Int16 position)
{
    throw css::lang::IllegalArgumentException(u(why.c_str()), Reference<XInterface>(),
                                              position);
}

/* ---- The core, shared by every call ---------------------------------------- */

/* How much one unit of a food weighs, once the food text is matched and the
 * unit parsed: grams are linear in the amount, so a cell's answer is
 * amount x grams_per_unit x mg per gram. */
struct Weighed {
    const kmgca_food *food;
    double grams_per_unit;
};

/* A cell's food and unit as Calc passes them (UTF-16, reference counted):
 * the key of the cells' memo, looked up before any conversion to UTF-8. */
struct CellKey {
    OUString food, unit;
    bool operator==(const CellKey &o) const { return food == o.food && unit == o.unit; }
};
struct CellKeyHash {
    size_t operator()(const CellKey &k) const
    {
        return size_t(sal_uInt32(k.food.hashCode())) * 31 + size_t(sal_uInt32(k.unit.hashCode()));
    }
};

/* The built-in tables, opened once. Matching is memoised in the core per
 * distinct text; units and (food, unit) weights are memoised here, since a
 * sheet asks the same few units of the same few foods again and again (the
 * weights twice: by the UTF-8 texts, and by the cell's strings as Calc
 * passes them to MAGNESIUM and the other minerals).
 * (Measured: the add-in's own share of a MAGNESIUM cell is a few per cent;
 * the rest is Calc's add-in call, see bench/README.md.) */
struct Core {
    kmgca_foods *foods = nullptr;
    std::mutex lock;
    std::unordered_map<std::string, kmgca_serving> units;
    std::unordered_map<std::string, Weighed> weighed;
    std::unordered_map<CellKey, Weighed, CellKeyHash> cells;
    std::unordered_map<std::string, kmgca_drug_match> drugs;

    Core()
    {
        kmgca_error err;
        foods = kmgca_foods_new(&err);
    }
    ~Core() { kmgca_foods_free(foods); }
};

/* Bounds on the memos: a sheet rarely has more distinct foods and units;
 * past them a memo starts again rather than grow without end. */
const size_t MEMO_LIMIT = 65536;

Core &core()
{
    static Core c;
    if (!c.foods)
        throw RuntimeException(u("kmgca: out of memory opening the food tables"),
                               Reference<XInterface>());
    return c;
}

/* The food text matches, or the argument is refused. */
kmgca_match match_text(const std::string &text, sal_Int16 position)
{
    if (text.find_first_not_of(" \t") == std::string::npos)
        bad_argument("kmgca: no food given", position);
    kmgca_match m;
    kmgca_error err;
    kmgca_error_clear(&err);
    if (kmgca_foods_match(core().foods, text.c_str(), &m, &err) != KMGCA_OK || !m.food)
        bad_argument("kmgca: " + std::string(err.message), position);
    return m;
}

const kmgca_food *match_food(const std::string &text, sal_Int16 position)
{
    kmgca_match m = match_text(text, position);
    /* A weak match is not used for a number: FOODMATCH shows it, with its
     * confidence, so that the text can be made clearer. */
    if (m.confidence < KMGCA_LOW_CONFIDENCE)
        bad_argument("kmgca: \"" + text.substr(0, 80) + "\" matches \"" +
                         kmgca_food_description(m.food) + "\" only weakly (see FOODMATCH)",
                     position);
    return m.food;
}

/* A unit as written ("g", "cup", "medium"), parsed once. A unit that holds
 * its own amount ("2 slices") is refused: the amount has its own argument. */
kmgca_serving parse_unit(const std::string &unit, sal_Int16 position)
{
    Core &c = core();
    {
        std::lock_guard<std::mutex> g(c.lock);
        auto it = c.units.find(unit);
        if (it != c.units.end())
            return it->second;
    }
    kmgca_serving s;
    kmgca_error err;
    kmgca_error_clear(&err);
    const char *text = unit.find_first_not_of(" \t") == std::string::npos ? "g" : unit.c_str();
    if (kmgca_serving_parse(text, &s, &err) != KMGCA_OK)
        bad_argument("kmgca: unit \"" + unit + "\": " + err.message, position);
    if (s.kind == KMGCA_UNIT_NONE || s.amount != 1)
        bad_argument("kmgca: unit \"" + unit + "\" holds an amount; give the amount on its own",
                     position);
    std::lock_guard<std::mutex> g(c.lock);
    if (c.units.size() >= MEMO_LIMIT)
        c.units.clear();
    c.units.emplace(unit, s);
    return s;
}

/* One unit of the food named by `food` (UTF-8), matched and weighed. */
Weighed weigh(const std::string &food, const std::string &unit)
{
    Core &c = core();
    std::string key = food;
    key += '\x1f';
    key += unit;
    {
        std::lock_guard<std::mutex> g(c.lock);
        auto it = c.weighed.find(key);
        if (it != c.weighed.end())
            return it->second;
    }
    const kmgca_food *f = match_food(food, 0);
    kmgca_serving s = parse_unit(unit, 2);
    kmgca_serving_take_detail(&s, food.c_str());
    s.amount = 1;
    double one;
    kmgca_error err;
    kmgca_error_clear(&err);
    if (kmgca_serving_grams(f, &s, &one, nullptr, 0, &err) != KMGCA_OK)
        bad_argument("kmgca: " + std::string(err.message), 2);
    Weighed w = {f, one};
    std::lock_guard<std::mutex> g(c.lock);
    if (c.weighed.size() >= MEMO_LIMIT)
        c.weighed.clear();
    c.weighed.emplace(key, w);
    return w;
}

/* Grams in `amount` of a weighed unit: 0 or more, and not absurd. */
double grams_of(double amount, const Weighed &w)
{
    if (!std::isfinite(amount) || amount < 0)
        bad_argument("kmgca: the amount must be a number, 0 or more", 1);
    double grams = amount * w.grams_per_unit;
    if (!std::isfinite(grams) || grams > 1e9)
        bad_argument("kmgca: the amount is too large", 1);
    return grams;
}

/* Text of an optional argument: void gives `fallback`; a number is written
 * as the shortest text that reads back the same. */
std::string optional_text(const Any &a, const char *fallback, sal_Int16 position)
{
    if (!a.hasValue())
        return fallback;
    OUString s;
    if (a >>= s)
        return utf8(s);
    double d;
    if (a >>= d) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", d);
        return buf;
    }
    Sequence<Sequence<Any>> range;
    if ((a >>= range) && range.getLength() == 1 && range[0].getLength() == 1)
        return optional_text(range[0][0], fallback, position);
    bad_argument("kmgca: this argument takes one text or number", position);
}

kmgca_nutrient nutrient_arg(const std::string &text, sal_Int16 position)
{
    kmgca_nutrient n;
    if (kmgca_nutrient_parse(text.c_str(), &n) != KMGCA_OK)
        bad_argument("kmgca: \"" + text + "\" is not Ca, Mg, K or Na", position);
    return n;
}

/* weigh() for a cell whose unit is a text, as most are: the answer for the
 * same two strings is memoised as Calc passes them, which spares a cell two
 * conversions to UTF-8 and the building of weigh()'s key. A unit given as a
 * number, a range or nothing takes the general way. */
Weighed weigh_cell(const OUString &food, const Any &unit)
{
    OUString unit_text;
    if (!(unit >>= unit_text))
        return weigh(utf8(food), optional_text(unit, "g", 2));
    Core &c = core();
    CellKey key{food, unit_text};
    {
        std::lock_guard<std::mutex> g(c.lock);
        auto it = c.cells.find(key);
        if (it != c.cells.end())
            return it->second;
    }
    Weighed w = weigh(utf8(food), utf8(unit_text));
    std::lock_guard<std::mutex> g(c.lock);
    if (c.cells.size() >= MEMO_LIMIT)
        c.cells.clear();
    c.cells.emplace(std::move(key), w);
    return w;
}

Any mineral(const OUString &food, double amount, const Any &unit, kmgca_nutrient n)
{
    Weighed w = weigh_cell(food, unit);
    double mg = kmgca_food_mg(w.food, n, grams_of(amount, w));
    if (std::isnan(mg))
        return Any(); /* not measured: #N/A */
    return Any(mg);
}

/* A medicine as written, matched once: a sheet names the same few drugs in
 * many cells, and matching scans every name in the drug table. */
kmgca_drug_match drug_arg(const OUString &drug)
{
    std::string text = utf8(drug);
    if (text.size() > 4000)
        bad_argument("kmgca: the medicine text is longer than 4000 bytes", 0);
    Core &c = core();
    {
        std::lock_guard<std::mutex> g(c.lock);
        auto it = c.drugs.find(text);
        if (it != c.drugs.end())
            return it->second;
    }
    kmgca_drug_match m;
    if (kmgca_drug_match_text(text.c_str(), &m) == 0)
        bad_argument("kmgca: no medicine in the tables matches \"" + text.substr(0, 80) + "\"",
                     0);
    std::lock_guard<std::mutex> g(c.lock);
    if (c.drugs.size() >= MEMO_LIMIT / 16)
        c.drugs.clear();
    c.drugs.emplace(text, m);
    return m;
}

/* A day from a cell: a date cell arrives as a serial number (days since
 * 1899-12-30), a text date is read as people write it. */
long day_arg(const Any &a, size_t row)
{
    double serial;
    OUString text;
    if ((a >>= serial) && std::isfinite(serial) && serial >= 1 && serial < 2958466)
        return (long)std::floor(serial) - 25569;
    if (a >>= text) {
        std::string t = utf8(text);
        long day;
        kmgca_error err;
        kmgca_error_clear(&err);
        if (kmgca_date_parse(t.c_str(), KMGCA_DATE_ORDER_AUTO, &day, &err) == KMGCA_OK)
            return day;
        bad_argument("kmgca: row " + std::to_string(row + 1) + ": " + err.message, 0);
    }
    bad_argument("kmgca: row " + std::to_string(row + 1) + ": no date", 0);
}

/* The cells of a range, row by row. */
std::vector<const Any *> cells(const Sequence<Sequence<Any>> &range)
{
    std::vector<const Any *> out;
    for (sal_Int32 r = 0; r < range.getLength(); r++)
        for (sal_Int32 c = 0; c < range[r].getLength(); c++)
            out.push_back(&range[r][c]);
    return out;
}

bool blank(const Any &a)
{
    OUString s;
    return !a.hasValue() || ((a >>= s) && s.trim().isEmpty());
}

/* ---- The component ---------------------------------------------------------- */

class CalcFunctions
    : public kmgca_uno::AddInComponent<CalcFunctions, org::kmgca::XCalcFunctions> {
    bool chinese() const { return locale.Language == "zh"; }

public:
    static constexpr const char *SERVICE_NAME = "org.kmgca.CalcFunctions";
    static constexpr const char *IMPLEMENTATION_NAME = "org.kmgca.CalcFunctionsImpl";

    /* XCalcFunctions */
    Any SAL_CALL magnesium(const OUString &food, double amount, const Any &unit) override
    {
        return mineral(food, amount, unit, KMGCA_MG);
    }
    Any SAL_CALL potassium(const OUString &food, double amount, const Any &unit) override
    {
        return mineral(food, amount, unit, KMGCA_K);
    }
    Any SAL_CALL calcium(const OUString &food, double amount, const Any &unit) override
    {
        return mineral(food, amount, unit, KMGCA_CA);
    }
    Any SAL_CALL sodium(const OUString &food, double amount, const Any &unit) override
    {
        return mineral(food, amount, unit, KMGCA_NA);
    }

    double SAL_CALL foodgrams(const OUString &food, double amount, const OUString &unit) override
    {
        return grams_of(amount, weigh(utf8(food), utf8(unit)));
    }

    Sequence<Sequence<Any>> SAL_CALL foodmatch(const OUString &food) override
    {
        kmgca_match m = match_text(utf8(food), 0);
        Sequence<Sequence<Any>> out(1);
        Sequence<Any> row(4);
        Any *cell = row.getArray();
        cell[0] <<= u(kmgca_food_description(m.food));
        cell[1] <<= std::round(m.confidence * 1000) / 1000;
        cell[2] <<= u(kmgca_food_source(m.food));
        cell[3] <<= u(kmgca_food_id(m.food));
        out.getArray()[0] = row;
        return out;
    }

    Any SAL_CALL dritarget(const OUString &nutrient, double age, const OUString &sex,
                           const Any &status, const Any &reference) override
    {
        kmgca_profile p;
        p.age_years = age;
        if (kmgca_sex_parse(utf8(sex).c_str(), &p.sex) != KMGCA_OK)
            bad_argument("kmgca: sex is f or m", 2);
        std::string st = optional_text(status, "", 3);
        if (kmgca_life_stage_parse(st.c_str(), &p.stage) != KMGCA_OK)
            bad_argument("kmgca: status is pregnant, lactating or empty, not \"" + st + "\"", 3);
        std::string ref = optional_text(reference, "us", 4);
        if (kmgca_reference_parse(ref.c_str(), &p.reference) != KMGCA_OK ||
            p.reference == KMGCA_REF_LABEL)
            bad_argument("kmgca: reference is US or China, not \"" + ref + "\"", 4);
        kmgca_nutrient n = nutrient_arg(utf8(nutrient), 0);
        if (n == KMGCA_NA)
            return Any(); /* no DRI row for sodium (only the label's Daily Value): #N/A */
        kmgca_target t;
        kmgca_error err;
        kmgca_error_clear(&err);
        kmgca_status s = kmgca_target_for(&p, n, &t, &err);
        if (s == KMGCA_ERROR_NO_MATCH)
            return Any(); /* the reference has no value: #N/A */
        if (s != KMGCA_OK)
            bad_argument("kmgca: " + std::string(err.message), 1);
        return Any(t.target_mg);
    }

    OUString SAL_CALL drugeffect(const OUString &drug, const OUString &nutrient) override
    {
        kmgca_nutrient n = nutrient_arg(utf8(nutrient), 1);
        kmgca_drug_match m = drug_arg(drug);
        return u(kmgca_effect_name(m.effect[n]));
    }

    OUString SAL_CALL drugclass(const OUString &drug) override
    {
        return u(drug_arg(drug).drug_class);
    }

    double SAL_CALL elemental(const OUString &supplement, const OUString &nutrient,
                              const Any &dose) override
    {
        kmgca_nutrient n = nutrient_arg(utf8(nutrient), 1);
        if (n == KMGCA_NA)
            bad_argument("kmgca: supplements are counted for Ca, Mg and K, not sodium", 1);
        std::string text = utf8(supplement), d = optional_text(dose, "", 2);
        kmgca_supplement sp;
        if (!kmgca_supplement_read(text.c_str(), d.c_str(), KMGCA_SUPPLEMENT_INTAKE, &sp))
            bad_argument("kmgca: \"" + text + "\" is not a calcium, magnesium or potassium "
                         "supplement or medicine kmgca knows", 0);
        if (sp.review[0])
            bad_argument("kmgca: " + std::string(sp.review), d.empty() ? 0 : 2);
        return sp.mg[n];
    }

    double SAL_CALL sweatloss(double minutes, const Any &intensity, double temperature,
                              const Any &nutrient, const Any &humidity,
                              const Any &bodymass) override
    {
        std::string it = optional_text(intensity, "", 1);
        double met = kmgca_intensity_met(it.c_str());
        if (std::isnan(met))
            bad_argument("kmgca: intensity is light, moderate, vigorous or a MET value", 1);
        double rh = 50, kg = KMGCA_DEFAULT_BODY_MASS_KG;
        double v;
        if (humidity.hasValue()) {
            if (!(humidity >>= v))
                bad_argument("kmgca: humidity is a number", 4);
            rh = v;
        }
        if (bodymass.hasValue()) {
            if (!(bodymass >>= v))
                bad_argument("kmgca: body mass is a number", 5);
            kg = v;
        }
        double litres = kmgca_sweat_predict_l(minutes, met, temperature, rh, kg, 0);
        if (std::isnan(litres))
            bad_argument("kmgca: minutes, temperature, humidity or body mass out of range", 0);
        if (!nutrient.hasValue())
            return litres;
        return litres * kmgca_sweat_mg_per_l(nutrient_arg(optional_text(nutrient, "", 3), 3));
    }

    Sequence<Sequence<Any>> SAL_CALL dailyintake(const Sequence<Sequence<Any>> &dates,
                                                 const Sequence<Sequence<Any>> &foods,
                                                 const Sequence<Sequence<Any>> &amounts,
                                                 const Any &units) override
    {
        std::vector<const Any *> d = cells(dates), f = cells(foods), a = cells(amounts);
        if (d.size() != f.size() || a.size() != f.size())
            bad_argument("kmgca: dates, foods and amounts must hold as many cells", 0);
        Sequence<Sequence<Any>> unit_range;
        std::vector<const Any *> un;
        std::string one_unit = "g";
        if ((units >>= unit_range) && !(unit_range.getLength() == 1 && unit_range[0].getLength() == 1)) {
            un = cells(unit_range);
            if (un.size() != f.size())
                bad_argument("kmgca: units must be one unit or as many cells as the foods", 3);
        } else {
            one_unit = optional_text(units, "g", 3);
        }
        struct Totals {
            double mg[KMGCA_NUTRIENT_COUNT] = {0, 0, 0, 0};
            bool have[KMGCA_NUTRIENT_COUNT] = {false, false, false, false};
        };
        std::map<long, Totals> days;
        for (size_t i = 0; i < f.size(); i++) {
            if (blank(*f[i]) && blank(*d[i]) && blank(*a[i]))
                continue; /* an empty row of the diary */
            OUString food;
            if (!(*f[i] >>= food) || food.trim().isEmpty())
                bad_argument("kmgca: row " + std::to_string(i + 1) + ": no food", 1);
            double amount;
            if (!(*a[i] >>= amount))
                bad_argument("kmgca: row " + std::to_string(i + 1) + ": the amount is not a number",
                             2);
            long day = day_arg(*d[i], i);
            std::string unit = un.empty() ? one_unit : optional_text(*un[i], "g", 3);
            const kmgca_food *matched;
            double grams;
            try {
                Weighed w = weigh(utf8(food), unit);
                matched = w.food;
                grams = grams_of(amount, w);
            } catch (const css::lang::IllegalArgumentException &e) {
                bad_argument("row " + std::to_string(i + 1) + ": " + utf8(e.Message),
                             e.ArgumentPosition);
            }
            Totals &t = days[day];
            for (int n = 0; n < KMGCA_NUTRIENT_COUNT; n++) {
                double mg = kmgca_food_mg(matched, (kmgca_nutrient)n, grams);
                if (!std::isnan(mg)) {
                    t.mg[n] += mg;
                    t.have[n] = true;
                }
            }
        }
        if (days.empty())
            bad_argument("kmgca: the diary has no rows", 1);
        static const kmgca_nutrient order[] = {KMGCA_CA, KMGCA_MG, KMGCA_K, KMGCA_NA};
        Sequence<Sequence<Any>> out((sal_Int32)days.size());
        Sequence<Any> *rows = out.getArray();
        sal_Int32 r = 0;
        for (const auto &day : days) {
            Sequence<Any> row(5);
            Any *cell = row.getArray();
            cell[0] <<= (double)(day.first + 25569);
            for (int k = 0; k < 4; k++)
                if (day.second.have[order[k]])
                    cell[k + 1] <<= day.second.mg[order[k]];
            rows[r++] = row;
        }
        return out;
    }

    /* XAddIn */
    OUString SAL_CALL getProgrammaticFuntionName(const OUString &display) override
    {
        for (const FunctionText &f : functions)
            if (display.equalsIgnoreAsciiCaseAscii(f.name_en) || display == u(f.name_zh))
                return u(f.method);
        return OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString &method) override
    {
        const FunctionText *f = find_function(method);
        return f ? u(chinese() ? f->name_zh : f->name_en) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString &method) override
    {
        const FunctionText *f = find_function(method);
        return f ? u(chinese() ? f->desc_zh : f->desc_en) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString &method, sal_Int32 arg) override
    {
        const FunctionText *f = find_function(method);
        if (!f || arg < 0 || (size_t)arg >= arg_count(*f))
            return OUString();
        return u(chinese() ? f->args[arg].name_zh : f->args[arg].name_en);
    }
    OUString SAL_CALL getArgumentDescription(const OUString &method, sal_Int32 arg) override
    {
        const FunctionText *f = find_function(method);
        if (!f || arg < 0 || (size_t)arg >= arg_count(*f))
            return OUString();
        return u(chinese() ? f->args[arg].desc_zh : f->args[arg].desc_en);
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString &) override
    {
        return u("Add-In");
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString &) override
    {
        return u(chinese() ? "kmgca 矿物质" : "kmgca minerals");
    }
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory(const char *name,
                                                                    void *service_manager,
                                                                    void *registry)
{
    return kmgca_uno::component_factory<CalcFunctions>(name, service_manager, registry);
}
