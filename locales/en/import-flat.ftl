## import, lists for the whole body (src/import/lists.rs, sito.rs,
## cmd/import.rs): the act as lists under a lead-in, the act's rule for the
## activities not listed, and what is written into content/_sito.yaml.
## Places ($place, $first) are as the report shows them elsewhere.

# Where a paragraph outside the tables is: the n-th of the document.
import-flat-place-paragraph = paragraph { $n }
# The label of a document that has no table (only its text).
import-flat-label-document = the text
# The name shown for the lists that are for the whole body.
import-flat-whole-body = the whole body
# Where the notes on the text outside the tables are.
import-flat-place-outside = outside the tables
import-flat-no-lead-in = no list of activities under a lead-in naming it (such as "Attività indifferibili da rendere in presenza:" or "Attività che possono essere svolte in lavoro agile:") was found in the text
# $list: smartizzabili | non_smartizzabili
import-flat-list = { $count } { $count ->
        [one] item
       *[other] items
    } imported into { $list } of the whole body, the list under "{ $lead }"
import-flat-lead-in-empty = "{ $lead }" names a list, but no item follows it: nothing imported from it
import-flat-criteria = the { $count } { $count ->
        [one] item
       *[other] items
    } under "{ $lead }" { $count ->
        [one] is a criterion
       *[other] are criteria
    }, not activities: not imported (copy them into `criteri` in content/_sito.yaml if the catalogue should show them)
import-flat-not-under-lead-in = { $count } list { $count ->
        [one] item is
       *[other] items are
    } not under a lead-in naming a list of activities (the page's menus, other lists): not read; { $count ->
        [one] it is "{ $first }"
       *[other] the first: "{ $first }"
    }
import-flat-prose = { $count } { $count ->
        [one] paragraph is
       *[other] paragraphs are
    } not a list of activities nor the rule for the others (the act's premises, titles, signatures, the page's menus): not read; { $count ->
        [one] it is "{ $first }"
       *[other] the first: "{ $first }"
    }
import-flat-joined = joined to the item before it, as a line of the same item: "…{ $before }" + "{ $after }…"
import-flat-list-ends = the list after "{ $lead }" ends here: "{ $item }" is numbered, the items above have bullets, and the numbered items from here were not imported; if they belong to the list, give them the same mark as the others
# $value: smartizzabili | non_smartizzabili
import-flat-rule = the act's rule for the activities it does not list: altre_attivita: { $value } (not imported as an activity): "{ $text }"
import-flat-rule-again = the rule for the activities not listed, said again: "{ $text }"
import-flat-rule-contradicts = "{ $text }" says the opposite of the rule read at { $first }: the first one is kept; check the act
# $list: smartizzabili | non_smartizzabili; $unit: a unit's name or import-flat-whole-body
import-flat-duplicate = "{ $text }" is in { $list } of { $unit } twice (first at { $first }): kept as in the act, and `trasparenza check` will warn about it (remove one copy if the act repeats it by mistake)
import-flat-in-both = "{ $text }" is in both lists of { $unit }: kept as in the act, and `trasparenza check` will report an error until one is removed
# A comment written above altre_attivita in a YAML file (always Italian in use).
import-flat-yaml-rule = The act's rule for the activities it does not list ({ $place }):
import-flat-rule-line-odd = its line `altre_attivita:` is not written as `altre_attivita: value` at the start of a line
# $why: one of the import-flat-site-* texts, or the system's error.
import-flat-site-conflict = { $path } cannot be updated in place: { $why }
import-flat-site-conflict-hint = edit it by hand, or fix it and run import again (a copy of every file import changes is kept in content/{ $backup }/)
import-flat-site-linked = it is a symbolic link, and import does not write through links
import-flat-site-unreadable = it does not read as the site's settings (`trasparenza check` says why)
import-flat-site-line-ends = it has line ends import does not keep (a lone CR)
# $old, $new: smartizzabili | non_smartizzabili
import-flat-rule-conflict = { $path } says altre_attivita: { $old }, but the act says { $new } ({ $place })
import-flat-rule-conflict-hint = run again with --force to write what the act says (a copy is kept), or change altre_attivita by hand
import-flat-unit-rule-conflict = { $path } says altre_attivita: { $old }, but the act says { $new } for this unit
import-flat-unit-rule-conflict-hint = --force replaces the unit file whole (a copy is kept), or change altre_attivita by hand
# $dry_run: yes | no
import-flat-rule-set = { $dry_run ->
        [yes] Would set
       *[no] Setting
    } altre_attivita: { $value } in { $path }, as the act says ({ $place })
import-flat-rule-same = { $path } already says altre_attivita: { $value }, as the act does
import-flat-site-written = Updated { $path }.
