// Exposes the system zlib (RFC 1950 streams for PDF /FlateDecode) to the Reports target only.
#include <zlib.h>
