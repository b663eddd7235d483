#ifndef CLIBUSB_SHIM_H
#define CLIBUSB_SHIM_H
#include <libusb.h>

/// libusb_set_option is variadic, which Swift cannot call; this wrapper covers
/// the option we use (logging level), which takes one int argument.
static inline int uremote_libusb_set_log_level(libusb_context *ctx, int level) {
    return libusb_set_option(ctx, LIBUSB_OPTION_LOG_LEVEL, level);
}
#endif
