// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <limits>
#include <optional>

namespace cis::isapi {

// The integer a JSON number truncates to, or nullopt when Integer cannot hold it (or it is not
// finite). Casting such a double is undefined behaviour, and a terminal, a proxy or a damaged
// body can send 1e300 where a count belongs.
template<typename Integer> std::optional<Integer> integerOf(double value)
{
    // -2^(n-1) and 2^(n-1) are exact doubles; NaN fails both comparisons.
    constexpr double low = double(std::numeric_limits<Integer>::min());
    constexpr double high = -low;
    if (!(value >= low && value < high))
        return std::nullopt;
    return static_cast<Integer>(value);
}

} // namespace cis::isapi
