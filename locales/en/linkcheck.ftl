# Links between pages (linkcheck.rs). The id is the stable code.

linkcheck-offsite-image = the image `{ $url }` is on another site: a published page loads nothing from other sites, so it is shown as a link to it
    .hint = copy the image into the theme's static/ folder and write its address in the site (`../assets/name.png` from a unit's page), or make it a link: [text](address)
    .spiegazione =
        For the privacy of visitors, the published pages load nothing from other sites; an image taken from another site is shown as a link instead.
        Copy the image into the theme's `static/` folder and use its address on the site.

linkcheck-html-as-text = the text contains HTML (`{ $tag }`{ $more ->
        [0] {""}
        [one] {" "}and one more tag
       *[other] {" "}and { $more } more tags
    }), which the published page shows as it is, `<` and `>` included
    .hint = { $kind ->
        [br] to start a new line, leave an empty line between the two lines (a new paragraph)
        [bold] for bold, write **text**
        [italic] for italics, write *text*
        [link] for a link, write [text](https://address)
        [paragraph] to separate paragraphs, leave an empty line
        [list] for a list, leave an empty line and write each item on a line starting with `- `
        [comment] an HTML comment is published: remove it; a note for whoever edits a YAML file goes on a line of its own starting with `#`, outside the text
       *[other] write the text without HTML: formatting is written in Markdown (**bold**, *italics*, lists with `- `)
    }
    .spiegazione =
        Markdown texts (descriptions, notes, criteria, pages) cannot contain HTML: for safety the published page shows HTML tags as text, so readers see for example `<br>` or `<b>` among the words.
        It happens when pasting a text from another web page or an office system. Write the same formatting in Markdown, as the hint says.

linkcheck-link-to-local-file = the link `{ $url }` leads to a file on one's own computer or the office network, which visitors of the site cannot open: the page shows its text alone
    .hint = publish the file on the body's website and write its address here: [text](https://...)
    .spiegazione =
        An address like `file:///C:/...`, `C:\...` or `\\server\folder\...` is a file on the computer of whoever wrote the text or in a shared folder of the office: nobody can open it from the published site, so the page shows the link's text without the link.
        Publish the document on the body's website (for example among the acts or in the documents section) and use its `https://` address.

linkcheck-link-dropped = the link `{ $url }` does not lead to a web page, an e-mail address or a telephone: the page shows its text alone
    .hint = links can lead to web pages (https://...), e-mail addresses (mailto:...) and telephone numbers (tel:...)
    .spiegazione =
        For safety the published pages keep only links to web pages (`https://`, `http://` or an address of the site), to e-mail addresses (`mailto:`) and to telephone numbers (`tel:`); any other address (`javascript:`, `ftp:`, `data:`) is removed and its text stays.
        Write the full address of the page to link to.

linkcheck-heading-outline = { $level ->
        [1] the heading `#` would be a second main heading of the page, which has its own
       *[other] the heading `{ $marks }` (level { $level }) comes after one of level { $after }: the levels between are missing
    }
    .hint = { $level ->
        [1] start the text's headings with `##`
       *[other] use a heading only one level deeper than the one before (after the page's `#`, `##`; after `##`, `###`)
    }
    .spiegazione =
        Screen reader users move through a page by its headings: each page has one main heading (the unit's or page's name) and the text's headings go down one level at a time.
        In Markdown texts the first level is therefore `##`, then `###`, without skipping. A line of `=` or `-` alone under a line of text also makes it a heading.

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
