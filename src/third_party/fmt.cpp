// fmt's compiled part, built into edgeplan instead of loaded from libfmt.so.
//
// Debian ships fmt as a shared library only. Loading it, with the libstdc++.so
// it needs, was most of what `edgeplan --version` ran: the dynamic loader binds
// every symbol of both at each start (bench/README.md, "Start-up"). So this one
// file compiles fmt's implementation from Debian's own headers, as libfmt's
// build does, and every other file includes <fmt/format.h> as usual
// (CMakeLists.txt, edgeplan_fmt).
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
// The definitions fmt/format.h declares `extern template` (outside its
// header-only mode): without them no caller's locale-aware write links.
template FMT_API auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
}  // namespace detail
FMT_END_NAMESPACE
