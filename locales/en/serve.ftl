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
