"""What rules ask about a page: each fact computed once per page, on demand, one way.

Facts are declared with `fact.page_fact`, `fact.element_fact` or `fact.inherited_fact` and
kept in the page's store. A rule imports the facts it needs from these modules and never
another rule; what two rules share is a fact.

- `content_model`: the HTML standard's element categories and default display;
- `aria_tables`: the WAI-ARIA 1.2 roles, states and properties (and where the 1.3 draft
  differs); `aria_attributes`: the `aria-*` attributes of a page and their value types;
- `html_roles`, `roles`: the role of an element (explicit, implicit from HTML-AAM);
  `html_aam`, `html_aria`, `html_conditions`: HTML-AAM and ARIA in HTML as data;
- `tree`: parents and children in the accessibility tree (`aria-owns` included);
- `focus`: whether an element can take focus, and what the Tab key reaches;
- `style`, `visibility`: the page's computed CSS style (a static cascade of its stylesheets),
  and whether an element is rendered, in the accessibility tree, or hidden only visually;
- `names`: accessible name and description (accname 1.2), labels;
- `forms`, `table_model`, `tables`, `frames`, `resources`, `svg`, `scrolling`, `visible_text`:
  form fields and autofill tokens, the HTML table model and header cells, the documents in
  iframes, what URLs point to, SVG content, scroll containers, the text that can be seen;
- `language`, `text_language`, `langid`: the language an element declares, and the one its
  text is written in;
- `document`, `headings`, `links`, `ids`, `refresh`: what kind of page it is, its heading
  outline, its links and where they go, its duplicate ids, its timed refresh;
- `landmarks`, `top_blocks`, `blocks`, `own_content`, `site_links`: its landmarks, and its
  top-level blocks: which repeat on other pages and how the page lets users skip them (WCAG
  2.4.1), for the page alone or compared with the site's other pages;
- `topic`: whether a heading or title shares words with the text it names;
- `contrast`, `backdrop`, `text_layout`: text colour against what is behind it, and how text
  is laid out (size, spacing, clipping); `email`, `layout_tables`: e-mail HTML and its tables.
"""
