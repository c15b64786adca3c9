package org.hoso.ui.catalogue.internal;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.hoso.core.api.SearchService;
import org.hoso.extract.api.ExtractionService;
import org.hoso.ui.api.WorkbenchView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The catalogue's views, each a {@link WorkbenchView} service over the shared {@link CatalogueSession}. */
abstract class CatalogueViews implements WorkbenchView {

    private final CatalogueSession session;
    private final String id;
    private final String titleKey;

    CatalogueViews(CatalogueSession session, String id, String titleKey) {
        this.session = session;
        this.id = id;
        this.titleKey = titleKey;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title(Locale locale) {
        return new Texts(locale).get(titleKey);
    }

    @Override
    public final Control createControl(Composite parent, Locale locale) {
        return create(parent, session, new Texts(locale));
    }

    abstract Control create(Composite parent, CatalogueSession session, Texts texts);

    /** The navigator: fonds → scheme → files → documents → pages. */
    @Component(service = WorkbenchView.class)
    @WorkbenchView.Kind(id = "hoso.navigator", order = 1)
    public static final class NavigatorView extends CatalogueViews {
        @Activate
        public NavigatorView(@Reference(name = "session") CatalogueSession session) {
            super(session, "hoso.navigator", "navigator.title");
        }

        @Override
        Control create(Composite parent, CatalogueSession session, Texts texts) {
            return new Navigator(parent, session, texts).control();
        }
    }

    /** The editor of the selected file or document. */
    @Component(service = WorkbenchView.class)
    @WorkbenchView.Kind(id = "hoso.editor", order = 2)
    public static final class EditorView extends CatalogueViews {
        @Activate
        public EditorView(@Reference(name = "session") CatalogueSession session) {
            super(session, "hoso.editor", "editor.title");
        }

        @Override
        Control create(Composite parent, CatalogueSession session, Texts texts) {
            return new Editor(parent, session, texts).control();
        }
    }

    /** Files, documents, pages and shelf-metres per fonds, with charts. */
    @Component(service = WorkbenchView.class)
    @WorkbenchView.Kind(id = "hoso.dashboard", order = 3)
    public static final class DashboardView extends CatalogueViews {
        @Activate
        public DashboardView(@Reference(name = "session") CatalogueSession session) {
            super(session, "hoso.dashboard", "dashboard.title");
        }

        @Override
        Control create(Composite parent, CatalogueSession session, Texts texts) {
            return new Dashboard(parent, session, texts).control();
        }
    }

    /** A scanned page beside its OCR text, for correcting words and the fields extracted from it. */
    @Component(service = WorkbenchView.class)
    @WorkbenchView.Kind(id = "hoso.page", order = 4)
    public static final class PageViewView extends CatalogueViews {
        /** Optional: without it the view shows no extracted fields; it may come and go while the window is open. */
        @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                policyOption = ReferencePolicyOption.GREEDY)
        private volatile ExtractionService extraction;

        @Activate
        public PageViewView(@Reference(name = "session") CatalogueSession session) {
            super(session, "hoso.page", "page.viewTitle");
        }

        @Override
        Control create(Composite parent, CatalogueSession session, Texts texts) {
            return new PageView(parent, session, texts, () -> Optional.ofNullable(extraction)).control();
        }
    }

    /** Search over the catalogue and the pages' text; a result opens in the editor. */
    @Component(service = WorkbenchView.class)
    @WorkbenchView.Kind(id = "hoso.search", order = 6)
    public static final class SearchView extends CatalogueViews {
        private final SearchService search;

        @Activate
        public SearchView(@Reference(name = "session") CatalogueSession session,
                @Reference(name = "search") SearchService search) {
            super(session, "hoso.search", "search.title");
            this.search = search;
        }

        @Override
        Control create(Composite parent, CatalogueSession session, Texts texts) {
            return new SearchPanel(parent, session, search, texts).control();
        }
    }
}
