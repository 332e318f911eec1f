/* cmath_special.h — C99 Annex G special values of cmath's functions, one 7x7 table per
 * function indexed [class of real part][class of imaginary part] (ST_NINF .. ST_NAN).
 * Included by cmathmodule.c only.  Owner: modnew. */
static const special_value acos_special[7][7] = {
    {{P34, INF_, 0}, {P, INF_, 0}, {P, INF_, 0}, {P, -INF_, 0}, {P, -INF_, 0}, {P34, -INF_, 0}, {NAN_, INF_, 0}},
    {{P12, INF_, 0}, U, U, U, U, {P12, -INF_, 0}, {NAN_, NAN_, 0}},
    {{P12, INF_, 0}, U, U, U, U, {P12, -INF_, 0}, {P12, NAN_, 0}},
    {{P12, INF_, 0}, U, U, U, U, {P12, -INF_, 0}, {P12, NAN_, 0}},
    {{P12, INF_, 0}, U, U, U, U, {P12, -INF_, 0}, {NAN_, NAN_, 0}},
    {{P14, INF_, 0}, {0., INF_, 0}, {0., INF_, 0}, {0., -INF_, 0}, {0., -INF_, 0}, {P14, -INF_, 0}, {NAN_, INF_, 0}},
    {{NAN_, INF_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, -INF_, 0}, {NAN_, NAN_, 0}},
};
static const special_value acosh_special[7][7] = {
    {{INF_, -P34, 0}, {INF_, -P, 0}, {INF_, -P, 0}, {INF_, P, 0}, {INF_, P, 0}, {INF_, P34, 0}, {INF_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P14, 0}, {INF_, -0., 0}, {INF_, -0., 0}, {INF_, 0., 0}, {INF_, 0., 0}, {INF_, P14, 0}, {INF_, NAN_, 0}},
    {{INF_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {INF_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value asinh_special[7][7] = {
    {{-INF_, -P14, 0}, {-INF_, -0., 0}, {-INF_, -0., 0}, {-INF_, 0., 0}, {-INF_, 0., 0}, {-INF_, P14, 0}, {-INF_, NAN_, 0}},
    {{-INF_, -P12, 0}, U, U, U, U, {-INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{-INF_, -P12, 0}, U, U, U, U, {-INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P14, 0}, {INF_, -0., 0}, {INF_, -0., 0}, {INF_, 0., 0}, {INF_, 0., 0}, {INF_, P14, 0}, {INF_, NAN_, 0}},
    {{INF_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, -0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {INF_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value atanh_special[7][7] = {
    {{-0., -P12, 0}, {-0., -P12, 0}, {-0., -P12, 0}, {-0., P12, 0}, {-0., P12, 0}, {-0., P12, 0}, {-0., NAN_, 0}},
    {{-0., -P12, 0}, U, U, U, U, {-0., P12, 0}, {NAN_, NAN_, 0}},
    {{-0., -P12, 0}, U, U, U, U, {-0., P12, 0}, {-0., NAN_, 0}},
    {{0., -P12, 0}, U, U, U, U, {0., P12, 0}, {0., NAN_, 0}},
    {{0., -P12, 0}, U, U, U, U, {0., P12, 0}, {NAN_, NAN_, 0}},
    {{0., -P12, 0}, {0., -P12, 0}, {0., -P12, 0}, {0., P12, 0}, {0., P12, 0}, {0., P12, 0}, {0., NAN_, 0}},
    {{0., -P12, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {0., P12, 0}, {NAN_, NAN_, 0}},
};
static const special_value cosh_special[7][7] = {
    {{NAN_, NAN_, 1}, C, {INF_, 0., 0}, {INF_, -0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, 0., 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, 0., 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, C, {INF_, -0., 0}, {INF_, 0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, 0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value exp_special[7][7] = {
    {{0., 0., 0}, C, {0., -0., 0}, {0., 0., 0}, C, {0., 0., 0}, {0., 0., 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, C, {INF_, -0., 0}, {INF_, 0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, -0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value log_special[7][7] = {
    {{INF_, -P34, 0}, {INF_, -P, 0}, {INF_, -P, 0}, {INF_, P, 0}, {INF_, P, 0}, {INF_, P34, 0}, {INF_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P12, 0}, U, U, U, U, {INF_, P12, 0}, {NAN_, NAN_, 0}},
    {{INF_, -P14, 0}, {INF_, -0., 0}, {INF_, -0., 0}, {INF_, 0., 0}, {INF_, 0., 0}, {INF_, P14, 0}, {INF_, NAN_, 0}},
    {{INF_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {INF_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value sinh_special[7][7] = {
    {{NAN_, NAN_, 1}, C, {-INF_, -0., 0}, {-INF_, 0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {0., NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {0., NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, C, {INF_, -0., 0}, {INF_, 0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, -0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value sqrt_special[7][7] = {
    {{INF_, -INF_, 0}, {0., -INF_, 0}, {0., -INF_, 0}, {0., INF_, 0}, {0., INF_, 0}, {INF_, INF_, 0}, {NAN_, INF_, 0}},
    {{INF_, -INF_, 0}, U, U, U, U, {INF_, INF_, 0}, {NAN_, NAN_, 0}},
    {{INF_, -INF_, 0}, U, U, U, U, {INF_, INF_, 0}, {NAN_, NAN_, 0}},
    {{INF_, -INF_, 0}, U, U, U, U, {INF_, INF_, 0}, {NAN_, NAN_, 0}},
    {{INF_, -INF_, 0}, U, U, U, U, {INF_, INF_, 0}, {NAN_, NAN_, 0}},
    {{INF_, -INF_, 0}, {INF_, -0., 0}, {INF_, -0., 0}, {INF_, 0., 0}, {INF_, 0., 0}, {INF_, INF_, 0}, {INF_, NAN_, 0}},
    {{INF_, -INF_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {INF_, INF_, 0}, {NAN_, NAN_, 0}},
};
static const special_value tanh_special[7][7] = {
    {{-1., 0., 0}, C, {-1., -0., 0}, {-1., 0., 0}, C, {-1., 0., 0}, {-1., 0., 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{1., 0., 0}, C, {1., -0., 0}, {1., 0., 0}, C, {1., 0., 0}, {1., 0., 0}},
    {{NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, -0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}},
};
static const special_value rect_special[7][7] = {
    {{NAN_, NAN_, 1}, C, {-INF_, 0., 0}, {-INF_, -0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{0., 0., 0}, U, U, U, U, {0., 0., 0}, {0., 0., 0}},
    {{0., 0., 0}, U, U, U, U, {0., 0., 0}, {0., 0., 0}},
    {{NAN_, NAN_, 1}, U, U, U, U, {NAN_, NAN_, 1}, {NAN_, NAN_, 0}},
    {{NAN_, NAN_, 1}, C, {INF_, -0., 0}, {INF_, 0., 0}, C, {NAN_, NAN_, 1}, {INF_, NAN_, 0}},
    {{NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, 0., 0}, {NAN_, 0., 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}, {NAN_, NAN_, 0}},
};
