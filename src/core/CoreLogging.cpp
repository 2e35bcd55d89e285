#include "CoreLogging.h"

Q_LOGGING_CATEGORY(lcCore, "cis.core", QtInfoMsg)
