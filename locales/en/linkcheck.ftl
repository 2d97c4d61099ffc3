# Links between pages (linkcheck.rs). The id is the stable code.

linkcheck-offsite-image = the image `{ $url }` is on another site: a published page loads nothing from other sites, so it is shown as a link to it
    .hint = copy the image into the theme's static/ folder and write its address in the site (`../assets/name.png` from a unit's page), or make it a link: [text](address)
    .spiegazione =
        For the privacy of visitors, the published pages load nothing from other sites; an image taken from another site is shown as a link instead.
        Copy the image into the theme's `static/` folder and use its address on the site.

linkcheck-broken-link = the link `{ $url }` on { $pages } leads nowhere: { $reason }
    .hint = links between pages of the site are relative, like `../tabella/` or `../nome-unita/#ancora`; check the address
    .hint-template = the link is in no content file: it comes from a template of the theme
    .spiegazione =
        A link in a text of the site points to a page, a file or an anchor that the site does not have; on the published site it would lead to an error page.
        Correct the address: links between pages of the site are relative, such as `../tabella/`, and an anchor (`#...`) must exist on the page it names.

# Pieces of linkcheck-broken-link: the reason ($reason) and the pages ($pages).
linkcheck-reason-above-root = it leads above the site's root folder
linkcheck-reason-no-file = there is no page or file `{ $path }` in the site
linkcheck-reason-no-anchor = the page `{ $page }` has no anchor `#{ $anchor }`
linkcheck-page-home = the home page
linkcheck-page = `{ $url }`
# Two or three pages: $first is the first ones joined by ", ".
linkcheck-pages-few = { $first } and { $last }
linkcheck-pages-many = { $first } and { $more } more { $more ->
        [one] page
       *[other] pages
    }
