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
