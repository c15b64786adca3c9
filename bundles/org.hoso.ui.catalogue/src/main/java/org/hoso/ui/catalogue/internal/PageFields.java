package org.hoso.ui.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Provenance;
import org.hoso.extract.api.ExtractedField;
import org.hoso.extract.api.Extraction;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.catalogue.internal.Validation.Form;

/**
 * The extracted fields of the page's document, beside the scan they were read from: one row per field with its value,
 * its confidence and where the document's value now comes from. One keystroke each: Enter accepts the selected
 * field (its value becomes the person's, {@link Provenance#typed typed}), F2 or simply typing fixes it in place
 * (Enter saves, Esc leaves it), Tab and the arrows go to the next field; Ctrl+Z undoes. A machine value below
 * {@link Editor#LOW_CONFIDENCE} is shaded amber. Saving goes through {@link Editor#edit}, the editor's own undoable
 * change.
 */
final class PageFields {

    /**
     * One extracted field as the list shows it.
     *
     * @param extracted what the extractor read, and where
     * @param stored    the document's value in the catalogue now, if it has one
     */
    record Row(ExtractedField extracted, String extractorId, Optional<Field<String>> stored) {
        String key() {
            return extracted.key();
        }

        /** The canonical value shown and accepted: the document's own, else the extractor's proposal. */
        String value() {
            return stored.map(Field::value).orElse(extracted.value());
        }

        boolean byPerson() {
            return stored.map(f -> f.provenance().byPerson()).orElse(false);
        }

        double confidence() {
            return stored.filter(f -> f.provenance().source() == Provenance.Source.EXTRACTED)
                    .map(f -> f.provenance().confidence()).orElse(extracted.confidence());
        }

        /** A machine's value the person should look at. */
        boolean low() {
            return !byPerson() && confidence() < Editor.LOW_CONFIDENCE;
        }
    }

    private final CatalogueSession session;
    private final Texts texts;
    private final ProblemBar problems;
    private final Runnable selectionChanged;
    private final Composite root;
    private final Table table;
    private final TableEditor cellEditor;
    private final Color lowConfidence;
    private final Color person;
    private final Color invalid;
    private Optional<Item> item = Optional.empty();
    private Optional<Extraction> extraction = Optional.empty();
    private final List<Row> rows = new ArrayList<>();
    private Text fixing;
    /** The document changed while a field was being fixed: show it once the fixing ends. */
    private boolean stale;

    PageFields(Composite parent, CatalogueSession session, Texts texts, ProblemBar problems,
            Runnable selectionChanged) {
        this.session = session;
        this.texts = texts;
        this.problems = problems;
        this.selectionChanged = selectionChanged;
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        lowConfidence = new Color(new RGB(255, 220, 140));
        person = new Color(new RGB(215, 240, 215));
        invalid = new Color(new RGB(255, 215, 215));

        Label heading = new Label(root, SWT.WRAP);
        heading.setData(Workbench.WIDGET_ID, "page.fields.heading");
        heading.setText(texts.get("page.fields.heading"));
        GridData headingData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        // wraps in the room left beside the buttons instead of widening the view
        headingData.widthHint = 160;
        heading.setLayoutData(headingData);
        button("page.fields.accept", this::acceptSelected);
        button("page.fields.fix", () -> fix(Optional.empty()));

        table = new Table(root, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setData(Workbench.WIDGET_ID, "page.fields");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        for (String[] c : new String[][] {{"page.fields.field", "130"}, {"page.fields.value", "200"},
                {"page.fields.source", "220"}}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(texts.get(c[0]));
            column.setWidth(Integer.parseInt(c[1]));
        }
        cellEditor = new TableEditor(table);
        cellEditor.grabHorizontal = true;
        table.addListener(SWT.Selection, e -> selectionChanged.run());
        table.addListener(SWT.KeyDown, this::keys);
        table.addListener(SWT.Traverse, e -> {
            int next = e.detail == SWT.TRAVERSE_TAB_NEXT ? 1 : e.detail == SWT.TRAVERSE_TAB_PREVIOUS ? -1 : 0;
            int to = table.getSelectionIndex() + next;
            if (next != 0 && to >= 0 && to < rows.size()) {
                e.doit = false;
                e.detail = SWT.TRAVERSE_NONE;
                select(to);
            } else if (e.detail == SWT.TRAVERSE_RETURN) {
                // Enter is the table's own key: accept, not the window's default button
                e.doit = false;
                e.detail = SWT.TRAVERSE_NONE;
            }
        });
        root.addListener(SWT.Dispose, e -> {
            lowConfidence.dispose();
            person.dispose();
            invalid.dispose();
        });
    }

    Control control() {
        return root;
    }

    private void button(String key, Runnable action) {
        Button b = new Button(root, SWT.PUSH);
        b.setText(texts.get(key));
        b.setData(Workbench.WIDGET_ID, key);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Shows the fields {@code extraction} found in {@code item} (nothing when either is missing). */
    void show(Optional<Item> item, Optional<Extraction> extraction) {
        this.extraction = extraction;
        this.item = item;
        refill(Optional.empty());
    }

    /** The document as it now is (after a change), the selection kept. */
    void item(Item changed) {
        if (item.isPresent() && item.get().id() == changed.id()) {
            item = Optional.of(changed);
            if (fixing != null) {
                stale = true;
            } else {
                refill(selectedKey());
            }
        }
    }

    Optional<Item> item() {
        return item;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    Optional<String> selectedKey() {
        int i = table.isDisposed() ? -1 : table.getSelectionIndex();
        return i >= 0 && i < rows.size() ? Optional.of(rows.get(i).key()) : Optional.empty();
    }

    private void refill(Optional<String> keep) {
        closeEditor();
        rows.clear();
        table.removeAll();
        if (item.isPresent() && extraction.isPresent()) {
            for (ExtractedField f : extraction.get().fields().values()) {
                if (!Form.ITEM.fields().stream().anyMatch(d -> d.key().equals(f.key()))) {
                    continue;
                }
                Row row = new Row(f, extraction.get().extractorId(), item.get().description().get(f.key()));
                rows.add(row);
                TableItem ti = new TableItem(table, SWT.NONE);
                ti.setData(row.key());
                ti.setText(new String[] {Form.ITEM.field(row.key()).label(texts.locale()), display(row.key(),
                        row.value()), source(row)});
                if (row.low()) {
                    ti.setBackground(lowConfidence);
                } else if (row.stored().map(s -> s.provenance().source() == Provenance.Source.TYPED).orElse(false)) {
                    ti.setBackground(person);
                }
            }
        }
        int index = keep.map(k -> indexOf(k)).orElse(rows.isEmpty() ? -1 : 0);
        if (index >= 0) {
            table.setSelection(index);
        }
        table.setData("hoso.page.fieldKeys", rows.stream().map(Row::key).toList());
        selectionChanged.run();
    }

    private int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private String display(String key, String canonical) {
        return Validation.display(Form.ITEM, key, canonical, texts.locale());
    }

    private String source(Row row) {
        return row.stored().map(f -> Editor.provenanceText(texts, f.provenance())).orElseGet(() -> {
            String proposed = texts.format("page.fields.proposed", row.extractorId(),
                    Math.round(row.extracted().confidence() * 100));
            return row.low() ? texts.format("provenance.low", proposed) : proposed;
        });
    }

    private void select(int index) {
        table.setSelection(index);
        table.showSelection();
        selectionChanged.run();
    }

    private void keys(Event e) {
        if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
            e.doit = false;
            acceptSelected();
        } else if (e.keyCode == SWT.F2) {
            e.doit = false;
            fix(Optional.empty());
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'z' || e.keyCode == 'y')) {
            e.doit = false;
            if (e.keyCode == 'z') {
                session.undo(root.getDisplay(), x -> problems.problem(texts.get("page.fields.failed"), x));
            } else {
                session.redo(root.getDisplay(), x -> problems.problem(texts.get("page.fields.failed"), x));
            }
        } else if (e.character >= ' ' && e.character != SWT.DEL && (e.stateMask & (SWT.MOD1 | SWT.ALT)) == 0) {
            // typing starts fixing the field with what is typed
            e.doit = false;
            fix(Optional.of(String.valueOf(e.character)));
        }
    }

    private Optional<Row> selected() {
        return selectedKey().map(k -> rows.get(indexOf(k)));
    }

    /** Enter: the selected field's value becomes the person's; then the next field. */
    private void acceptSelected() {
        Optional<Row> row = selected();
        if (row.isEmpty() || item.isEmpty()) {
            return;
        }
        Row r = row.get();
        String label = Form.ITEM.field(r.key()).label(texts.locale());
        if (r.stored().map(s -> s.provenance().source() == Provenance.Source.TYPED).orElse(false)
                && r.stored().get().value().equals(r.value())) {
            problems.info(texts.format("page.fields.already", label));
        } else {
            save(r, r.value(), texts.format("page.fields.accepted", label, display(r.key(), r.value())));
        }
        next();
    }

    private void next() {
        int i = table.getSelectionIndex();
        if (i + 1 < rows.size()) {
            select(i + 1);
        }
    }

    /** F2 or typing: a text field over the value, Enter saves it as the person's value, Esc leaves it. */
    private void fix(Optional<String> typed) {
        Optional<Row> row = selected();
        if (row.isEmpty() || item.isEmpty()) {
            return;
        }
        closeEditor();
        Row r = row.get();
        TableItem ti = table.getItem(indexOf(r.key()));
        Text text = new Text(table, SWT.SINGLE);
        text.setData(Workbench.WIDGET_ID, "page.fields.editor");
        text.setText(typed.orElse(display(r.key(), r.value())));
        text.setSelection(typed.isPresent() ? text.getText().length() : 0, text.getText().length());
        cellEditor.setEditor(text, ti, 1);
        fixing = text;
        text.addListener(SWT.DefaultSelection, e -> saveFix(r, text));
        text.addListener(SWT.Modify, e -> text.setBackground(
                Validation.check(Form.ITEM, r.key(), text.getText()).ok() ? null : invalid));
        text.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_ESCAPE) {
                e.doit = false;
                closeEditor();
                table.setFocus();
            } else if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false;
                e.detail = SWT.TRAVERSE_NONE;
                saveFix(r, text);
            }
        });
        text.addListener(SWT.FocusOut, e -> root.getDisplay().asyncExec(() -> {
            if (fixing == text && !text.isDisposed() && !text.isFocusControl()) {
                closeEditor();
            }
        }));
        text.setFocus();
        problems.info(texts.format("page.fields.fixing", Form.ITEM.field(r.key()).label(texts.locale())));
    }

    private void saveFix(Row r, Text text) {
        if (text.isDisposed() || fixing != text) {
            return;
        }
        Validation.Result check = Validation.check(Form.ITEM, r.key(), text.getText());
        if (!check.ok()) {
            Validation.Problem p = check.problem().orElseThrow();
            problems.info(texts.format(p.key(), p.argument()));
            return;
        }
        String value = check.canonical().orElse("");
        closeEditor();
        table.setFocus();
        String label = Form.ITEM.field(r.key()).label(texts.locale());
        save(r, value, texts.format("page.fields.fixed", label, display(r.key(), r.value()),
                display(r.key(), value)));
        next();
    }

    private void closeEditor() {
        if (fixing != null) {
            Text t = fixing;
            fixing = null;
            cellEditor.setEditor(null);
            if (!t.isDisposed()) {
                t.dispose();
            }
            if (stale) {
                stale = false;
                refill(selectedKey());
            }
        }
    }

    /** Gives the document this value as typed by the user, as one undoable change. */
    private void save(Row r, String value, String label) {
        Item i = item.orElseThrow();
        History.Change change = Editor.edit(session, i, i.description(), Map.of(r.key(), value), label);
        session.apply(root.getDisplay(), change, e -> problems.problem(texts.get("page.fields.failed"), e));
        problems.info(label);
    }
}
