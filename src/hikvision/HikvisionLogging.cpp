#include "HikvisionLogging.h"

Q_LOGGING_CATEGORY(lcHikvision, "cis.hikvision", QtInfoMsg)
