// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "AccessEvent.h"

namespace cis {

// isapi-events-credentials.md §1.5: the codes a club's terminals emit for access attempts.
AccessEvent::Outcome AccessEvent::outcomeOf(int major, int minor)
{
    if (major != kMajorEvent)
        return Outcome::Other;
    using namespace acsMinor;
    switch (minor) {
    case kCardPass:
    case kFingerprintPass:
    case kFacePass:
    case kPinPass:
        return Outcome::Granted;
    case kNoRight:
    case kInvalidPeriod:
    case kCardExpired:
    case kUnknownCard:
    case kFingerprintFail:
    case kFingerprintUnknown:
    case kFaceFail:
    case kFaceRecognizeFail:
    case kLivenessFail:
    case kDoorDormant:
    case kPasswordMismatch:
    case kEmployeeNoUnknown:
    case kVerifyModeMismatch:
        return Outcome::Refused;
    default:
        return Outcome::Other;
    }
}

QString AccessEvent::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Granted:
        return QStringLiteral("granted");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Other:
        break;
    }
    return QStringLiteral("other");
}

AccessEvent::Method AccessEvent::method() const
{
    if (major != kMajorEvent)
        return Method::Unknown;
    using namespace acsMinor;
    switch (minor) {
    case kCardPass:
    case kUnknownCard:
        return Method::Card;
    case kFingerprintPass:
    case kFingerprintFail:
    case kFingerprintUnknown:
        return Method::Fingerprint;
    case kFacePass:
    case kFaceFail:
    case kFaceRecognizeFail:
    case kLivenessFail:
        return Method::Face;
    case kPinPass:
    case kPasswordMismatch:
        return Method::Pin;
    default:
        // 6, 7 and 8 are named after cards but face terminals use them too: the event does
        // not say how the person was recognised.
        return Method::Unknown;
    }
}

} // namespace cis
