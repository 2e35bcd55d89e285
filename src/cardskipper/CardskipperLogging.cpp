#include "CardskipperLogging.h"

Q_LOGGING_CATEGORY(lcCardskipper, "cis.cardskipper", QtInfoMsg)
