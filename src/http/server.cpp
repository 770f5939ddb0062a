// RESTinio lives here and only here.
#include "http/server.hpp"

#include <netinet/tcp.h>

#include <csignal>
#include <iostream>
#include <restinio/all.hpp>
#include <thread>

#include "http/client_address.hpp"
#include "http/gzip.hpp"
#include "http/static_files.hpp"

namespace cnscd::http {

namespace {

// A hard ceiling where RESTinio drops the connection; below it the Api answers 413 with a body.
constexpr std::uint64_t kHardBodyLimit = 64ull << 20;

std::string Header(const restinio::request_handle_t& req, restinio::http_field_t field) {
  return std::string(req->header().get_field_or(field, ""));
}

// Percent-decoded path; nullopt when the encoding is broken.
std::optional<std::string> DecodePath(std::string_view raw) {
  auto decoded =
      restinio::utils::try_unescape_percent_encoding<restinio::utils::relaxed_unescape_traits>(raw);
  if (!decoded) return std::nullopt;
  return std::move(*decoded);
}

bool ParseQuery(std::string_view raw, std::map<std::string, std::string>& out) {
  // HTML forms and URLSearchParams write spaces as '+'.
  std::string query;
  for (char c : raw) {
    if (c == '+') {
      query += "%20";
    } else {
      query += c;
    }
  }
  auto params = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(
      restinio::string_view_t(query.data(), query.size()));
  if (!params) return false;
  for (const auto& [key, value] : *params) out[std::string(key)] = std::string(value);
  return true;
}

restinio::request_handling_status_t Reply(const restinio::request_handle_t& req, Response r) {
  CompressJson(r, AcceptsGzip(Header(req, restinio::http_field::accept_encoding)));
  auto resp = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, ""});
  resp.append_header(restinio::http_field::server, "cnscd");
  resp.append_header(restinio::http_field::content_type, r.content_type);
  resp.append_header_date_field();
  // Defence in depth for the web app: no sniffing, no framing, no foreign scripts.
  resp.append_header("X-Content-Type-Options", "nosniff");
  resp.append_header("X-Frame-Options", "DENY");
  resp.append_header("Referrer-Policy", "no-referrer");
  resp.append_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                     "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  if (r.content_type.starts_with("application/json")) {
    resp.append_header("Cache-Control", "no-store");
  }
  for (const auto& [name, value] : r.headers) resp.append_header(name, value);
  if (!r.file.empty()) {
    try {
      resp.set_body(restinio::sendfile(r.file));
    } catch (const std::exception&) {
      return Reply(req, ErrorResponse(NotFound("tệp", "file")));
    }
  } else {
    resp.set_body(std::move(r.body));
  }
  return resp.done();
}

Response BadRequest(const char* vi, const char* en) {
  return ErrorResponse(Malformed("bad_path", vi, en));
}

}  // namespace

void Serve(const ServerOptions& options, Api& api, const std::function<void()>& on_ready) {
  // A client that hangs up during a write must not kill the process.
  std::signal(SIGPIPE, SIG_IGN);

  using Traits = restinio::default_traits_t;
  const std::filesystem::path web_root = options.web_root;

  auto handler = [&api, web_root,
                  proxies = options.trusted_proxies](const restinio::request_handle_t& req) {
    const auto path = DecodePath(req->header().path());
    if (!path || path->empty() || (*path)[0] != '/') {
      return Reply(req, BadRequest("Địa chỉ không hợp lệ.", "Invalid path."));
    }
    if (!path->starts_with("/api/")) {
      const auto method = req->header().method();
      if (method != restinio::http_method_get() && method != restinio::http_method_head()) {
        return Reply(req, ErrorResponse(Error(ErrorKind::kMethodNotAllowed, "method_not_allowed",
                                              "Chỉ hỗ trợ GET cho trang web.",
                                              "Only GET is allowed for web pages.")));
      }
      const std::string accept_encoding = Header(req, restinio::http_field::accept_encoding);
      return Reply(req, ServeStatic(web_root, *path, AcceptsGzip(accept_encoding),
                                    AcceptsCoding(accept_encoding, "br")));
    }
    Request request;
    request.method = req->header().method().c_str();
    request.path = *path;
    if (!ParseQuery(req->header().query(), request.query)) {
      return Reply(req, ErrorResponse(Malformed("bad_query", "Tham số truy vấn không hợp lệ.",
                                                "The query string is malformed.")));
    }
    request.body = req->body();
    request.authorization = Header(req, restinio::http_field::authorization);
    request.cookie = Header(req, restinio::http_field::cookie);
    request.content_type = Header(req, restinio::http_field::content_type);
    request.csrf_token = std::string(req->header().get_field_or("X-CSRF-Token", ""));
    request.user_agent = Header(req, restinio::http_field::user_agent);
    request.forwarded_proto = std::string(req->header().get_field_or("X-Forwarded-Proto", ""));
    request.remote_address = ClientAddress(req->remote_endpoint().address().to_string(),
                                           req->header().get_field_or("X-Real-IP", ""), proxies);
    return Reply(req, api.Handle(request));
  };

  asio::io_context io;
  restinio::http_server_t<Traits> server{
      restinio::external_io_context(io),
      restinio::server_settings_t<Traits>{}
          .port(options.port)
          .address(options.host)
          .request_handler(std::move(handler))
          .incoming_http_msg_limits(
              restinio::incoming_http_msg_limits_t{}.max_body_size(kHardBodyLimit))
          .read_next_http_message_timelimit(std::chrono::seconds(60))
          .handle_request_timeout(std::chrono::seconds(60))
          .write_http_response_timelimit(std::chrono::seconds(60))
          .socket_options_setter([](restinio::socket_options_t& socket) {
            // Without it small responses wait 40 ms for Nagle and delayed ACK.
            socket.set_option(asio::ip::tcp::no_delay{true});
          })};

  asio::signal_set stop_signals(io, SIGINT, SIGTERM);
  stop_signals.async_wait([&](const asio::error_code& ec, int) {
    if (ec) return;
    server.close_async([&io] { io.stop(); }, [&io](const std::exception_ptr&) { io.stop(); });
  });

  std::exception_ptr open_error;
  server.open_async([&] { on_ready(); },
                    [&](std::exception_ptr e) {
                      open_error = std::move(e);
                      stop_signals.cancel();
                      io.stop();
                    });

  std::vector<std::thread> workers;
  for (int i = 1; i < std::max(1, options.threads); ++i) workers.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : workers) t.join();
  if (open_error) std::rethrow_exception(open_error);
}

}  // namespace cnscd::http
