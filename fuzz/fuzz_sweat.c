/* fuzz_sweat.c — the add-in's sweat function, =SWEATLOSS(minutes;
 * intensity; temperature; nutrient; humidity; body mass):
 * kmgca_sweat_predict_l with any six doubles (minutes, MET, temperature,
 * humidity, body mass, height), the MET of an intensity as written
 * (kmgca_intensity_met) and the sweat concentrations by nutrient. Input: 48
 * bytes (shorter input is padded with zeros), a nutrient byte, then the
 * intensity text. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t in[49] = {0};
    memcpy(in, data, size < sizeof in ? size : sizeof in);
    double v[6];
    for (int i = 0; i < 6; i++)
        v[i] = fuzz_double(in + 8 * i);
    double l = kmgca_sweat_predict_l(v[0], v[1], v[2], v[3], v[4], v[5]);
    FUZZ_CHECK(isnan(l) || (isfinite(l) && l >= 0));
    if (!isnan(l)) {
        /* Predicted only for inputs in their documented ranges. */
        FUZZ_CHECK(v[0] >= 0 && v[0] <= 1440 && v[1] > 0 && v[4] > 0);
    }
    kmgca_nutrient n = (kmgca_nutrient)(in[48] % 6);
    double c = kmgca_sweat_mg_per_l(n);
    FUZZ_CHECK((unsigned)n < KMGCA_NUTRIENT_COUNT ? c > 0 : isnan(c));
    FUZZ_TEXT(kmgca_sweat_source(n));
    /* The intensity as written, and the prediction with its MET. */
    char *intensity = fuzz_string(size > sizeof in ? data + sizeof in : data,
                                  size > sizeof in ? size - sizeof in : 0);
    double met = kmgca_intensity_met(intensity);
    FUZZ_CHECK(isnan(met) || (met > 0 && met <= 25));
    if (!isnan(met)) {
        l = kmgca_sweat_predict_l(v[0], met, v[2], v[3], v[4], v[5]);
        FUZZ_CHECK(isnan(l) || (isfinite(l) && l >= 0));
    }
    free(intensity);
    FUZZ_TEXT(kmgca_sweat_model_source());
    FUZZ_TEXT(kmgca_heavy_sweat_source());
    return 0;
}
