"""What rules ask about a page: each fact computed once per page, on demand, one way.

Facts are declared with `fact.page_fact`, `fact.element_fact` or `fact.inherited_fact` and
kept in the page's store. A rule imports the facts it needs from these modules and never
another rule; what two rules share is a fact.

- `content_model`: the HTML standard's element categories and default display;
- `aria_tables`: the WAI-ARIA 1.2 roles, states and properties;
- `html_roles`, `roles`: the role of an element (explicit, implicit from HTML-AAM);
- `focus`: whether an element can take focus;
- `style`, `visibility`: the page's computed CSS style (a static cascade of its stylesheets),
  and whether an element is rendered, in the accessibility tree, or hidden only visually;
- `names`: accessible name and description (accname 1.2), labels;
- `language`, `text_language`, `langid`: the language an element declares, and the one its
  text is written in;
- `document`, `headings`, `links`, `ids`, `refresh`: what kind of page it is, its heading
  outline, its links and where they go, its duplicate ids, its timed refresh.
"""
