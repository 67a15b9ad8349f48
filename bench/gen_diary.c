/* gen_diary.c — writes a synthetic food diary for the `kmgca analyse` benchmark.
 *
 *     gen_diary ROWS OUT.csv        (OUT.csv may be "-" for stdout)
 *
 * The output is a generic diary CSV with the header `date,food,amount,unit`
 * and ROWS data rows, identical on every run (fixed PRNG seed, no locale, no
 * clock):
 *   - dates are ISO (YYYY-MM-DD), quoted, on consecutive days from 2020-01-01,
 *     24 to 36 rows per day (30 on average);
 *   - foods come from a fixed list: half exact USDA descriptions as they are
 *     in foodtables/foods.csv ("Bananas, raw"), half free text as people type
 *     it ("banana", "spinach boiled", "豆腐"); a food field is quoted when it
 *     contains a comma or a quote;
 *   - 70 % of rows are in grams (whole amounts 5..400, unit "g"); 30 % use a
 *     household measure that makes sense for the food ("1,medium" for fruit,
 *     "2,slice" for bread, "1,cup" for milk, "1,tbsp" for oil, "1,oz" for
 *     nuts ...).
 *
 * Plain C, libc only. Exits 0 on success, 2 on bad arguments, 4 when the file
 * cannot be written.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Household measures, "amount,unit", one list per kind of food. */
static const char *const FRUIT[] = {"1,medium", "1,large", "1,small", "2,medium", NULL};
static const char *const BERRY[] = {"0.5,cup", "1,cup", NULL};
static const char *const BREAD[] = {"1,slice", "2,slice", NULL};
static const char *const DRINK[] = {"1,cup", "0.5,cup", "1.5,cup", NULL};
static const char *const OIL[] = {"1,tbsp", "2,tsp", "0.5,tbsp", NULL};
static const char *const NUTS[] = {"1,oz", "0.25,cup", "2,oz", NULL};
static const char *const SEEDS[] = {"1,tbsp", "2,tbsp", "1,oz", NULL};
static const char *const CHEESE[] = {"1,oz", "1,slice", "2,oz", NULL};
static const char *const COOKED[] = {"0.5,cup", "1,cup", NULL};
static const char *const RAWVEG[] = {"1,cup", "0.5,cup", "2,cup", NULL};
static const char *const EGG[] = {"1,large", "2,large", "1,medium", NULL};
static const char *const MEAT[] = {"3,oz", "4,oz", "6,oz", NULL};
static const char *const SPREAD[] = {"1,tbsp", "2,tbsp", NULL};
static const char *const SPICE[] = {"1,tsp", "0.5,tsp", NULL};
static const char *const POTATO[] = {"1,medium", "1,large", "1,small", NULL};
static const char *const PIECE[] = {"1,piece", "2,piece", "3,piece", NULL};
static const char *const ONE[] = {"1,medium", "1,large", NULL};
static const char *const YOGURT[] = {"1,cup", "0.5,cup", "0.75,cup", NULL};
static const char *const CHOC[] = {"1,oz", "1,piece", "2,piece", NULL};

struct food {
    const char *name;
    const char *const *units;
};

/* The first half: descriptions exactly as in foodtables/foods.csv. */
static const struct food foods[] = {
    {"Bananas, raw", FRUIT},
    {"Milk, whole, 3.25% milkfat, with added vitamin D", DRINK},
    {"Spinach, cooked, boiled, drained, without salt", COOKED},
    {"Apples, raw, with skin", FRUIT},
    {"Oranges, raw, all commercial varieties", FRUIT},
    {"Broccoli, raw", RAWVEG},
    {"Broccoli, cooked, boiled, drained, without salt", COOKED},
    {"Carrots, raw", FRUIT},
    {"Egg, whole, raw, fresh", EGG},
    {"Egg, whole, cooked, hard-boiled", EGG},
    {"Bread, whole-wheat, commercially prepared", BREAD},
    {"Bread, white, commercially prepared (includes soft bread crumbs)", BREAD},
    {"Rice, white, long-grain, regular, enriched, cooked", COOKED},
    {"Rice, brown, long-grain, cooked", COOKED},
    {"Nuts, almonds", NUTS},
    {"Nuts, walnuts, english", NUTS},
    {"Nuts, cashew nuts, raw", NUTS},
    {"Seeds, pumpkin and squash seed kernels, dried", SEEDS},
    {"Oil, olive, salad or cooking", OIL},
    {"Yogurt, Greek, plain, nonfat", YOGURT},
    {"Cheese, cheddar", CHEESE},
    {"Cheese, mozzarella, whole milk", CHEESE},
    {"Butter, salted", SPREAD},
    {"Tofu, raw, firm, prepared with calcium sulfate", COOKED},
    {"Beans, black, mature seeds, cooked, boiled, without salt", COOKED},
    {"Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, without salt", COOKED},
    {"Lentils, mature seeds, cooked, boiled, without salt", COOKED},
    {"Potatoes, baked, flesh and skin, without salt", POTATO},
    {"Sweet potato, cooked, baked in skin, flesh, without salt", POTATO},
    {"Tomatoes, red, ripe, raw, year round average", FRUIT},
    {"Avocados, raw, all commercial varieties", ONE},
    {"Fish, salmon, Atlantic, farmed, cooked, dry heat", MEAT},
    {"Fish, tuna, light, canned in water, drained solids", MEAT},
    {"Chicken, broilers or fryers, breast, meat only, cooked, roasted", MEAT},
    {"Beef, ground, 85% lean meat / 15% fat, patty, cooked, broiled", MEAT},
    {"Cereals, oats, regular and quick, not fortified, dry", BERRY},
    {"Peanut butter, smooth style, with salt", SPREAD},
    {"Strawberries, raw", BERRY},
    {"Blueberries, raw", BERRY},
    {"Grapes, red or green (European type, such as Thompson seedless), raw", BERRY},
    {"Kale, raw", RAWVEG},
    {"Lettuce, cos or romaine, raw", RAWVEG},
    {"Cucumber, with peel, raw", RAWVEG},
    {"Onions, raw", FRUIT},
    {"Garlic, raw", SPICE},
    {"Mushrooms, white, raw", RAWVEG},
    {"Peppers, sweet, red, raw", FRUIT},
    {"Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", DRINK},
    {"Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)", DRINK},
    {"Soymilk, original and vanilla, with added calcium, vitamins A and D", DRINK},
    {"Orange juice, raw", DRINK},
    {"Chocolate, dark, 70-85% cacao solids", CHOC},
    {"Pasta, cooked, enriched, without added salt", COOKED},
    {"Quinoa, cooked", COOKED},
    {"Cheese, cottage, lowfat, 2% milkfat", YOGURT},
    {"Seeds, chia seeds, dried", SEEDS},
    {"Seeds, sunflower seed kernels, dried", SEEDS},
    {"Kiwifruit, green, raw", FRUIT},
    {"Pears, raw", FRUIT},
    {"Mangos, raw", ONE},
    {"Pineapple, raw, all varieties", BERRY},
    {"Watermelon, raw", RAWVEG},
    {"Raisins, seedless", SEEDS},
    {"Dates, medjool", PIECE},
    {"Cauliflower, raw", RAWVEG},
    {"Cabbage, raw", RAWVEG},
    {"Celery, raw", RAWVEG},
    {"Peas, green, frozen, cooked, boiled, drained, without salt", COOKED},
    {"Asparagus, raw", RAWVEG},
    {"Edamame, frozen, prepared", COOKED},
    {"Pork, fresh, loin, tenderloin, separable lean only, cooked, roasted", MEAT},
    {"Fish, cod, Atlantic, cooked, dry heat", MEAT},
    {"Honey", SPREAD},
    {"Cheese, parmesan, hard", SPREAD},
    {"Hummus, commercial", SPREAD},
    /* The second half: free text as people type it. */
    {"banana", FRUIT},
    {"bananna", FRUIT},
    {"spinach boiled", COOKED},
    {"greek yogurt", YOGURT},
    {"almonds", NUTS},
    {"whole wheat bread", BREAD},
    {"brown rice cooked", COOKED},
    {"salmon", MEAT},
    {"菠菜", COOKED},
    {"豆腐", COOKED},
    {"pumpkin seeds", SEEDS},
    {"apple", FRUIT},
    {"orange", FRUIT},
    {"milk", DRINK},
    {"2% milk", DRINK},
    {"skim milk", DRINK},
    {"oatmeal", COOKED},
    {"peanut butter", SPREAD},
    {"cheddar cheese", CHEESE},
    {"hard boiled egg", EGG},
    {"egg", EGG},
    {"chicken breast grilled", MEAT},
    {"broccoli, steamed", COOKED},
    {"brocoli", RAWVEG},
    {"carrots", FRUIT},
    {"baked potato", POTATO},
    {"sweet potato", POTATO},
    {"black beans", COOKED},
    {"chickpeas", COOKED},
    {"lentils cooked", COOKED},
    {"avocado", ONE},
    {"tomato", FRUIT},
    {"cucumber", RAWVEG},
    {"kale", RAWVEG},
    {"strawberries", BERRY},
    {"blueberries", BERRY},
    {"grapes", BERRY},
    {"walnuts", NUTS},
    {"cashews", NUTS},
    {"chia seeds", SEEDS},
    {"sunflower seeds", SEEDS},
    {"olive oil", OIL},
    {"butter", SPREAD},
    {"white rice", COOKED},
    {"pasta", COOKED},
    {"quinoa", COOKED},
    {"tofu", COOKED},
    {"soy milk", DRINK},
    {"almond milk", DRINK},
    {"orange juice", DRINK},
    {"coffee", DRINK},
    {"black tea", DRINK},
    {"dark chocolate", CHOC},
    {"honey", SPREAD},
    {"hummus", SPREAD},
    {"cottage cheese", YOGURT},
    {"mozzarella", CHEESE},
    {"feta cheese", CHEESE},
    {"ground beef", MEAT},
    {"cod", MEAT},
    {"tuna, canned", MEAT},
    {"sardines", MEAT},
    {"mango", ONE},
    {"pineapple", BERRY},
    {"watermelon", RAWVEG},
    {"pear", FRUIT},
    {"raisins", SEEDS},
    {"medjool dates", PIECE},
    {"米饭", COOKED},
    {"牛奶", DRINK},
    {"鸡蛋", EGG},
    {"香蕉", FRUIT},
    {"苹果", FRUIT},
    {"西兰花", COOKED},
    {"燕麦片", BERRY},
};
#define NFOODS (sizeof foods / sizeof foods[0])

/* splitmix64: small, fast, and the same on every platform. */
static uint64_t rng_state = 0x6b6d676361ULL; /* "kmgca" */

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n) (n is small; the modulo bias is negligible). */
static unsigned rng_below(unsigned n)
{
    return (unsigned)(rng_next() % n);
}

/* Civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
static void civil_from_days(long z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

static void put_field(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_diary ROWS OUT.csv\n");
        return 2;
    }
    char *end;
    errno = 0;
    unsigned long long rows = strtoull(argv[1], &end, 10);
    if (errno || end == argv[1] || *end || argv[1][0] == '-') {
        fprintf(stderr, "gen_diary: ROWS must be a whole number, not \"%s\"\n", argv[1]);
        return 2;
    }
    int to_stdout = strcmp(argv[2], "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(argv[2], "w");
    if (!f) {
        fprintf(stderr, "gen_diary: %s: %s\n", argv[2], strerror(errno));
        return 4;
    }
    static char buf[1 << 16];
    setvbuf(f, buf, _IOFBF, sizeof buf);

    fputs("date,food,amount,unit\n", f);
    const long day0 = 18262; /* 2020-01-01 */
    long day = 0;
    unsigned left_today = 24 + rng_below(13);
    for (unsigned long long i = 0; i < rows; i++) {
        if (left_today == 0) {
            day++;
            left_today = 24 + rng_below(13);
        }
        left_today--;
        int y;
        unsigned m, d;
        civil_from_days(day0 + day, &y, &m, &d);
        const struct food *fd = &foods[rng_below(NFOODS)];
        fprintf(f, "\"%04d-%02u-%02u\",", y, m, d);
        put_field(f, fd->name);
        if (rng_below(10) < 7) {
            fprintf(f, ",%u,g\n", 5 + rng_below(396));
        } else {
            unsigned n = 0;
            while (fd->units[n])
                n++;
            fprintf(f, ",%s\n", fd->units[rng_below(n)]);
        }
    }
    if (fflush(f) != 0 || ferror(f) || (!to_stdout && fclose(f) != 0)) {
        fprintf(stderr, "gen_diary: %s: %s\n", argv[2], strerror(errno));
        return 4;
    }
    return 0;
}
