// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// XML answers of a door terminal are untrusted input: every input goes through the DeviceInfo
// reader and the ResponseStatus / userCheck reader.
#include "FuzzSupport.h"
#include "IsapiParsers.h"
#include "IsapiStatus.h"

using namespace cis;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    const auto info = isapi::parseDeviceInfo(body);
    if (info)
        fuzz::require(!info.value().model.isEmpty(), "a DeviceInfo has a model");
    else
        fuzz::require(!info.error().detail.isEmpty(), "an error says what went wrong");

    const IsapiStatus status = parseIsapiStatus(body);
    fuzz::require(status.isPresent() || !status.isOk(), "no verdict is not OK");
    fuzz::require(errorForResponse(401, status).has_value(), "a 401 is always an error");
    errorForResponse(200, status);
    errorForResponse(503, status);
    if (status.shape == IsapiStatus::Shape::ResponseStatus)
        kindForSubStatus(status.subStatusCode);
    return 0;
}
