// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// JSON answers of a door terminal are untrusted input: every input goes through each JSON
// reader (capabilities, count, person and card search pages, a JSON DeviceInfo) and through
// the ResponseStatus reader.
#include "FuzzSupport.h"
#include "IsapiParsers.h"
#include "IsapiStatus.h"

using namespace cis;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

namespace {

void checkSearchPage(const Expected<SearchPage, HikvisionError> &result)
{
    if (!result)
        return;
    const SearchPage &page = result.value();
    fuzz::require(!page.responseStatus.isEmpty(), "a search page has a responseStatusStrg");
    fuzz::require(page.persons.size() + page.cards.size() <= page.itemCount,
                  "no more entries than the array held");
    for (const Person &person : page.persons)
        fuzz::require(!person.employeeNo.isEmpty(), "every person has an employeeNo");
    for (const Card &card : page.cards)
        fuzz::require(!card.cardNo.isEmpty(), "every card has a cardNo");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    const auto capabilities = isapi::parseUserCapabilities(body);
    if (capabilities) {
        const UserCapabilities &caps = capabilities.value();
        // The client pages and batches with these: zero or less would never end.
        fuzz::require(caps.searchMaxResults > 0, "positive page size");
        fuzz::require(caps.searchEmployeeNoListMaxSize > 0, "positive search list size");
        fuzz::require(caps.deleteEmployeeNoListMaxSize > 0, "positive delete list size");
        fuzz::require(caps.employeeNoLength.max > 0, "positive employeeNo length");
        fuzz::require(caps.nameLength.max > 0, "positive name length");
        fuzz::require(caps.validTimeRangeBegin < caps.validTimeRangeEnd, "validity range order");
    }

    const auto count = isapi::parsePersonCount(body);
    if (count)
        fuzz::require(count.value().persons >= 0, "a person count is not negative");

    checkSearchPage(isapi::parsePersonSearchPage(body));
    checkSearchPage(isapi::parseCardSearchPage(body));

    const auto info = isapi::parseDeviceInfo(body);
    if (info)
        fuzz::require(!info.value().model.isEmpty(), "a DeviceInfo has a model");

    const IsapiStatus status = parseIsapiStatus(body);
    fuzz::require(errorForResponse(401, status).has_value(), "a 401 is always an error");
    errorForResponse(200, status);
    errorForResponse(400, status);
    return 0;
}
