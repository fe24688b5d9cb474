// Value's conversions from and to Json: how a data or rule node reads as a
// JavaScript value, and how a result is written back (JSON.stringify's numbers).
#include <cmath>
#include <cstdint>

#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

// Reads the node through get_ptr: get<T>() dispatches on the type again and
// carries a throwing path, and this runs for every value a rule reads.
Value Value::borrowed(const Json& json) {
  Value value;
  value.m_json = &json;
  switch (json.type()) {
    case Json::value_t::boolean:
      value.m_kind = Kind::boolean;
      value.m_bool = *json.get_ptr<const Json::boolean_t*>();
      break;
    case Json::value_t::number_integer:
      value.m_kind = Kind::number;
      value.m_number = static_cast<double>(*json.get_ptr<const Json::number_integer_t*>());
      break;
    case Json::value_t::number_unsigned:
      value.m_kind = Kind::number;
      value.m_number = static_cast<double>(*json.get_ptr<const Json::number_unsigned_t*>());
      break;
    case Json::value_t::number_float:
      value.m_kind = Kind::number;
      value.m_number = *json.get_ptr<const Json::number_float_t*>();
      break;
    case Json::value_t::string:
      value.m_kind = Kind::text;
      break;
    case Json::value_t::array:
      value.m_kind = Kind::array;
      break;
    case Json::value_t::object:
      value.m_kind = Kind::object;
      break;
    default:
      value.m_kind = Kind::null;
      break;
  }
  return value;
}

namespace {

// JSON.stringify turns NaN and Infinity into null and prints integral numbers
// without a fraction; int64 keeps that exact where a double would print "2.0".
Json number_to_json(double number) {
  if (!std::isfinite(number)) return nullptr;
  constexpr double int64_bound = 9223372036854775808.0;  // 2^63
  if (std::trunc(number) == number && std::fabs(number) < int64_bound) {
    return static_cast<std::int64_t>(number);
  }
  return number;
}

}  // namespace

Json Value::to_json() const {
  switch (m_kind) {
    case Kind::undefined:
    case Kind::null:
      return nullptr;
    case Kind::boolean:
      return m_bool;
    case Kind::number:
      // Integers from the data are copied as-is: beyond 2^53 a double would round them.
      if (m_json != nullptr && m_json->is_number_integer()) return *m_json;
      return number_to_json(m_number);
    case Kind::text:
      return std::string(text());
    case Kind::array:
    case Kind::object:
      return *m_json;
  }
  return nullptr;
}

}  // namespace edgeplan::jsonlogic::detail
