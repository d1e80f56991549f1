//! The shell: app-wide state (language, credentials, target, drafts, history), the hash
//! router (`#/<endpoint>`) and the header. Every page is the one generic
//! [`EndpointPage`](crate::pages::endpoint::EndpointPage).

use crate::browser::{self, Area, CREDENTIALS_KEY, LANG_KEY, TARGET_KEY};
use crate::i18n::{self, tr};
use crate::model::{Credentials, Draft, Slot, TargetKind};
use crate::pages::doctor::{DoctorPage, DoctorState};
use crate::pages::endpoint::EndpointPage;
use crate::send::Attempt;
use leptos::prelude::*;
use signkit::endpoint::describe;
use signkit::{Api, Encoding, Lang, Vendor};

/// One value per endpoint, reached by an exhaustive match: no index, no fallback, and a new
/// endpoint does not compile until it has its own.
#[derive(Clone, Copy)]
pub struct PerApi<T> {
    create_group: T,
    verify_applying_member: T,
    apply_micro_channel: T,
    invite_user_join: T,
    invite_meeting: T,
}

impl<T: Copy> PerApi<T> {
    /// `make(api)` for every endpoint.
    fn new(make: impl Fn(Api) -> T) -> PerApi<T> {
        PerApi {
            create_group: make(Api::CreateGroup),
            verify_applying_member: make(Api::VerifyApplyJoiningMember),
            apply_micro_channel: make(Api::ApplyMicroChannel),
            invite_user_join: make(Api::InviteUserJoin),
            invite_meeting: make(Api::InviteMeeting),
        }
    }

    /// The value of `api`.
    pub fn get(&self, api: Api) -> T {
        match api {
            Api::CreateGroup => self.create_group,
            Api::VerifyApplyJoiningMember => self.verify_applying_member,
            Api::ApplyMicroChannel => self.apply_micro_channel,
            Api::InviteUserJoin => self.invite_user_join,
            Api::InviteMeeting => self.invite_meeting,
        }
    }
}

/// State shared by every page. Signals hold only what the user typed or chose, plus the two
/// values injected from the browser edge (`now`, `boundary_seed`).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The language of the chrome and of the core's messages.
    pub lang: RwSignal<Lang>,
    /// The credentials panel.
    pub credentials: RwSignal<Credentials>,
    /// The credential inputs the user has touched (typed in or left): only these show their
    /// findings before a send is attempted.
    pub touched_slots: RwSignal<Vec<Slot>>,
    /// The DEMO credentials of the sandbox fixtures, once the in-browser sandbox module has
    /// given them (it is loaded when the browser is idle after the first render, or on first
    /// use).
    pub demo: RwSignal<Option<Credentials>>,
    /// "Remember in this tab": mirror the credentials in `sessionStorage`.
    pub remember: RwSignal<bool>,
    /// Where Send goes.
    pub target: RwSignal<TargetKind>,
    /// The custom target's base URL.
    pub custom_base: RwSignal<String>,
    /// One form per endpoint (kept while switching pages).
    pub drafts: PerApi<RwSignal<Draft>>,
    /// A body encoding chosen instead of the endpoint's default, per endpoint.
    pub encodings: PerApi<RwSignal<Option<Encoding>>>,
    /// This session's requests, newest last.
    pub history: RwSignal<Vec<Attempt>>,
    /// "Now" (Unix seconds): read from the browser at start, on Send and on request.
    pub now: RwSignal<i64>,
    /// Seed of the next generated multipart boundary (from `crypto.getRandomValues`).
    pub boundary_seed: RwSignal<u64>,
}

impl AppState {
    fn new() -> AppState {
        let lang = browser::load(Area::Local, LANG_KEY)
            .and_then(|code| Lang::from_code(&code))
            .or_else(browser::preferred_lang)
            .unwrap_or_default();
        let remembered = browser::load(Area::Session, CREDENTIALS_KEY)
            .and_then(|json| Credentials::from_storage_json(&json));
        let (target, custom_base) = browser::load(Area::Local, TARGET_KEY)
            .and_then(|stored| {
                let (kind, base) = stored.split_once('\n').unwrap_or((stored.as_str(), ""));
                Some((TargetKind::from_code(kind)?, String::from(base)))
            })
            .unwrap_or_default();
        AppState {
            lang: RwSignal::new(lang),
            remember: RwSignal::new(remembered.is_some()),
            credentials: RwSignal::new(remembered.unwrap_or_else(Credentials::empty)),
            touched_slots: RwSignal::new(Vec::new()),
            demo: RwSignal::new(None),
            target: RwSignal::new(target),
            custom_base: RwSignal::new(custom_base),
            drafts: PerApi::new(|api| RwSignal::new(Draft::new(describe(api)))),
            encodings: PerApi::new(|_| RwSignal::new(None)),
            history: RwSignal::new(Vec::new()),
            now: RwSignal::new(browser::now_unix()),
            boundary_seed: RwSignal::new(browser::random_u64()),
        }
    }

    /// The form of `api`.
    pub fn draft(&self, api: Api) -> RwSignal<Draft> {
        self.drafts.get(api)
    }

    /// The encoding override of `api`.
    pub fn encoding(&self, api: Api) -> RwSignal<Option<Encoding>> {
        self.encodings.get(api)
    }

    /// The DEMO credentials: at once when known, else after loading the in-browser sandbox
    /// module (`then` runs with them; a module that does not load leaves them unknown).
    pub fn with_demo(self, then: impl FnOnce(Credentials) + 'static) {
        if let Some(demo) = self.demo.get_untracked() {
            then(demo);
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(values) = crate::send::demo_values().await {
                let demo = Credentials::from_demo(&values);
                self.demo.set(Some(demo.clone()));
                then(demo);
            }
        });
    }

    /// Persists the choices that are not secret, and the credentials only where the user
    /// asked (the only code that writes app state to storage).
    fn persist(self) {
        Effect::new(move |_| {
            let lang = self.lang.get();
            browser::store(Area::Local, LANG_KEY, lang.code());
            browser::set_document_lang(lang);
        });
        Effect::new(move |_| {
            let stored = format!("{}\n{}", self.target.get().code(), self.custom_base.get());
            browser::store(Area::Local, TARGET_KEY, &stored);
        });
        Effect::new(move |_| {
            if self.remember.get() {
                let json = self.credentials.with(Credentials::to_storage_json);
                browser::store(Area::Session, CREDENTIALS_KEY, &json);
            } else {
                browser::forget(Area::Session, CREDENTIALS_KEY);
            }
        });
    }
}

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// An endpoint's form.
    Endpoint(Api),
    /// The sign doctor (`#/doctor`).
    Doctor,
}

/// The route of the sign doctor page.
pub const DOCTOR_ROUTE: &str = "doctor";

/// The current route: `#/doctor`, the endpoint named by `location.hash`, createGroup otherwise.
fn route() -> ReadSignal<Page> {
    let current = || match browser::hash_route().as_str() {
        DOCTOR_ROUTE => Page::Doctor,
        name => Page::Endpoint(Api::from_name(name).unwrap_or(Api::CreateGroup)),
    };
    let (api, set_api) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_api.set(current()));
    on_cleanup(move || handle.remove());
    api
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    app.persist();
    provide_context(app);
    provide_context(DoctorState::new());
    let page = route();
    // The in-browser sandbox module (and with it the DEMO values) once the first render is on
    // screen: not part of the first load, usually ready before the first click.
    request_animation_frame(move || {
        set_timeout(move || app.with_demo(|_| {}), std::time::Duration::ZERO)
    });
    Effect::new(move |_| {
        let title = match page.get() {
            Page::Endpoint(api) => describe(api).title.get(app.lang.get()),
            Page::Doctor => crate::pages::doctor::TITLE.get(app.lang.get()),
        };
        browser::set_title(&format!("{title} — signkit"));
        // After the tabs have re-rendered with the new active one.
        request_animation_frame(browser::reveal_active_tab);
    });
    view! {
        <Header page=page />
        <main
            id="main"
            data-sandbox=move || app.demo.with(|demo| if demo.is_some() { "ready" } else { "loading" })
        >
            {move || match page.get() {
                Page::Endpoint(api) => view! { <EndpointPage api /> }.into_any(),
                Page::Doctor => view! { <DoctorPage /> }.into_any(),
            }}
        </main>
        <footer class="footer">
            <span>"signkit"</span>
            <span class="muted">{move || i18n::TAGLINE.get(app.lang.get())}</span>
        </footer>
    }
}

/// Brand, endpoint tabs and the language switch.
#[component]
fn Header(page: ReadSignal<Page>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang;
    let tab = move |item: Api| {
        let description = describe(item);
        let current = move || page.get() == Page::Endpoint(item);
        view! {
            <a
                class="tab"
                class:active=current
                href=format!("#/{}", item.name())
                aria-current=move || current().then_some("page")
            >
                <span class="tab-title">{tr(lang, &description.title)}</span>
                <code class="tab-name">{item.name()}</code>
            </a>
        }
    };
    let group = move |vendor: Vendor| {
        let label = match vendor {
            Vendor::Daoke => &i18n::VENDOR_DAOKE,
            Vendor::Ytx => &i18n::VENDOR_YTX,
        };
        view! {
            <div class="tab-group" role="group" aria-label=tr(lang, label)>
                <span class="tab-group-label">{tr(lang, label)}</span>
                {Api::ALL
                    .into_iter()
                    .filter(|item| item.vendor() == vendor)
                    .map(tab)
                    .collect_view()}
            </div>
        }
    };
    view! {
        <header class="header">
            <div class="header-row">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">"signkit"</span>
                    <span class="brand-tagline">{tr(lang, &i18n::TAGLINE)}</span>
                </div>
                <LangSwitch />
            </div>
            <nav class="tabs" aria-label=tr(lang, &i18n::ENDPOINTS)>
                {group(Vendor::Daoke)}
                {group(Vendor::Ytx)}
                <DoctorTab page />
            </nav>
        </header>
    }
}

/// 中文 / English.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let choice = move |option: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="seg"
                class:active=move || lang.get() == option
                aria-pressed=move || (lang.get() == option).to_string()
                lang=option.code()
                data-testid=format!("lang-{}", option.code())
                on:click=move |_| lang.set(option)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="segmented" role="group" aria-label=tr(lang, &i18n::LANGUAGE)>
            {choice(Lang::Zh, "中文")}
            {choice(Lang::En, "English")}
        </div>
    }
}

/// The sign doctor's entry in the navigation.
#[component]
fn DoctorTab(page: ReadSignal<Page>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let current = move || page.get() == Page::Doctor;
    view! {
        <div class="tab-group">
            <a
                class="tab"
                class:active=current
                href=format!("#/{DOCTOR_ROUTE}")
                aria-current=move || current().then_some("page")
                data-testid="nav-doctor"
            >
                <span class="tab-title">{tr(lang, &crate::pages::doctor::TITLE)}</span>
                <code class="tab-name">{DOCTOR_ROUTE}</code>
            </a>
        </div>
    }
}
