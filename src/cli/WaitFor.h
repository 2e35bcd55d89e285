// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QEventLoop>
#include <optional>
#include <utility>

namespace cis {

// Runs an asynchronous call to completion: start receives a continuation taking a Result.
// Only the command line may wait like this; library code stays asynchronous.
template<typename Result, typename Start> Result waitFor(Start start)
{
    std::optional<Result> result;
    QEventLoop loop;
    start([&](Result value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace cis
