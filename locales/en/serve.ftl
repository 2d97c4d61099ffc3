## The preview in the browser (src/serve/reload.rs): the page shown while
## no build has succeeded and the box that lists the errors.

serve-unbuilt-title = Preview not available
serve-unbuilt-text = The site has not been generated yet because the files contain errors.
serve-overlay-title = { $count ->
        [one] The site was not updated: 1 error
       *[other] The site was not updated: { $count } errors
    }
serve-overlay-last-good = This is the last version without errors.
serve-overlay-none-good = There is no version without errors to show yet.
serve-overlay-fix = Fix the files listed and save: the page will update itself.
serve-overlay-hint = Hint
serve-overlay-close = Close

## The time of a rebuild in the preview (src/serve/site.rs)

serve-rebuilds-stuck = not rebuilt: { $count ->
        [one] an earlier rebuild is still running
       *[other] { $count } earlier rebuilds are still running
    } past their time budget of { $budget }, each using a processor
    .hint = fix the template that never ends, then stop `trasparenza serve` (Ctrl-C) and start it again
    .spiegazione =
        A template of the theme never ends (for example a loop over a huge range) and the rebuilds that were stopped keep using the processors.
        The preview starts no more until it is restarted: fix the template, stop `trasparenza serve` with Ctrl-C and start it again.
serve-no-threads = cannot start the rebuild threads: { $error }
    .spiegazione =
        The system did not let the preview start the threads it rebuilds the site with, usually for lack of memory or a limit on the number of processes.
        Close other programs or raise the limit, then save again.
serve-rebuild-timeout = the rebuild took longer than { $budget } and was stopped: a template may never end (a loop over a huge range, loops nested too deep)
    .hint = fix the template and save: the next save rebuilds; for a very large catalogue raise the limit with `serve --rebuild-timeout SECONDS`
    .spiegazione =
        The preview gives each rebuild a time budget (`--rebuild-timeout`, 10 seconds unless set) and stops it past that, so a template that never ends does not block the work.
        The cause is usually a template of the theme with a loop that is too long; if the catalogue is very large instead, raise the limit.

## The preview's terminal lines and its plain-text answers to a browser or
## another program (src/serve/mod.rs, watch.rs, http.rs, net.rs)

serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-port-reserved = cannot listen on { $addr }: ports below 1024 are reserved to the computer's administrator; choose a port from 1024 up, for example: trasparenza serve --port 1111
serve-address-not-here = cannot listen on { $addr }: { $ip } is not an address of this computer; give one of its addresses with --bind, or 127.0.0.1 (this computer only) or 0.0.0.0 (the rest of the network too)
serve-cannot-watch = cannot watch { $folder }: { $error }
serve-stopped-watching = stopped watching for changes: restart `trasparenza serve` to see new saves
# $host: the name the request used, quoted.
serve-forbidden-host =
    403 Forbidden: this preview answers only addresses of this computer (localhost, 127.0.0.1, [::1]), not { $host }: a web page may be trying to read it through a name of its own.
    To open it from other machines, start it with `trasparenza serve --bind 0.0.0.0`.
serve-busy = 503 Service Unavailable: the preview has { $max } connections open; try again in a moment
serve-moved = Moved to { $location }
serve-method-not-allowed = 405 Method Not Allowed: the preview answers GET and HEAD only
# Why a request is answered 400 Bad Request or 431.
serve-request-head-too-large = the request line and headers are larger than { $max } bytes
serve-request-not-a-path = the request target must be a path starting with /
serve-request-encoded-slash = encoded slashes are not allowed
serve-request-bad-percent = invalid `%` escape: `%` must be followed by two hexadecimal digits
serve-request-path-not-utf8 = the path is not UTF-8
serve-request-control-character = control characters are not allowed
serve-request-backslash = backslashes are not allowed
serve-request-dot-segment = dot segments are not allowed
serve-request-empty-segment = empty path segments are not allowed
serve-request-colon = colons are not allowed in paths
serve-request-head-not-utf8 = the request head is not UTF-8
serve-request-bad-line = the request line must be: METHOD TARGET HTTP/1.1
serve-request-unknown-method = unknown method
serve-request-control-in-target = control characters are not allowed in the request target
serve-request-bad-version = only HTTP/1.0 and HTTP/1.1 are spoken here
serve-request-header-no-colon = a header line has no colon
serve-request-control-in-header = control characters are not allowed in headers
