#ifndef FORMWORK_CCURL_SHIM_H
#define FORMWORK_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; these typed
   wrappers are the only way the HTTP target talks to them. */

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline long ccurl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

static inline const char *ccurl_effective_url(CURL *handle) {
    char *url = NULL;
    curl_easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &url);
    return url;
}

static inline long ccurl_redirect_count(CURL *handle) {
    long count = 0;
    curl_easy_getinfo(handle, CURLINFO_REDIRECT_COUNT, &count);
    return count;
}

/* Microseconds from start until the TCP connection was made; 0 while still connecting. */
static inline curl_off_t ccurl_connect_time_us(CURL *handle) {
    curl_off_t micros = 0;
    curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &micros);
    return micros;
}

/* Bytes of the request body sent so far. */
static inline curl_off_t ccurl_uploaded_bytes(CURL *handle) {
    curl_off_t bytes = 0;
    curl_easy_getinfo(handle, CURLINFO_SIZE_UPLOAD_T, &bytes);
    return bytes;
}

/* CURLMsg keeps its result in a union; reading it here spares Swift the union layout. */
static inline CURLcode ccurl_message_result(const CURLMsg *message) {
    return message->data.result;
}

static inline int ccurl_message_is_done(const CURLMsg *message) {
    return message->msg == CURLMSG_DONE;
}

#endif
