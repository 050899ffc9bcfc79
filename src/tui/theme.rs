//! Colours and emphasis for every kind of text the tutor draws.

use ratatui::style::{Color, Modifier, Style};

use crate::markdown::{Role, TextStyle};

/// The themes `--theme` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Plain,
}

impl ThemeName {
    /// The name as `--theme` and the settings spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Plain => "plain",
        }
    }

    /// Parses a saved or given name.
    pub fn parse(name: &str) -> Option<ThemeName> {
        [ThemeName::Dark, ThemeName::Light, ThemeName::Plain]
            .into_iter()
            .find(|theme| theme.as_str() == name)
    }
}

/// The styles of the interface. `plain` carries no colour at all, for
/// NO_COLOR users and monochrome terminals; emphasis is kept there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
    /// Darker foregrounds, for a light terminal background.
    light: bool,
}

impl Theme {
    /// Colours for a dark terminal background.
    pub fn dark() -> Theme {
        Theme {
            colour: true,
            light: false,
        }
    }

    /// Colours for a light terminal background.
    pub fn light() -> Theme {
        Theme {
            colour: true,
            light: true,
        }
    }

    /// No colours, only bold, italic, underline and reverse video.
    pub fn plain() -> Theme {
        Theme {
            colour: false,
            light: false,
        }
    }

    /// The theme of a name.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Plain => Theme::plain(),
        }
    }

    /// `plain` when the NO_COLOR convention asks for it (set and not empty),
    /// whatever else was chosen; else the chosen theme, dark by default.
    pub fn choose(chosen: Option<ThemeName>, no_color: Option<std::ffi::OsString>) -> Theme {
        match no_color {
            Some(value) if !value.is_empty() => Theme::plain(),
            _ => Theme::named(chosen.unwrap_or(ThemeName::Dark)),
        }
    }

    /// [`Theme::choose`] without a chosen theme.
    pub fn from_env(no_color: Option<std::ffi::OsString>) -> Theme {
        Theme::choose(None, no_color)
    }

    fn fg(self, colour: Color) -> Style {
        match (self.colour, self.light) {
            (false, _) => Style::new(),
            (true, false) => Style::new().fg(colour),
            (true, true) => Style::new().fg(for_light_background(colour)),
        }
    }

    /// A right answer or a passed check.
    pub fn right(self) -> Style {
        self.fg(Color::LightGreen).add_modifier(Modifier::BOLD)
    }

    /// A wrong answer or a failed check.
    pub fn wrong(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// The style of a laid-out markdown segment.
    pub fn text(self, style: TextStyle) -> Style {
        let base = match style.role {
            Role::Text | Role::TableHeader => Style::new(),
            Role::Heading(1 | 2) => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            Role::Heading(_) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Role::Code => self.fg(Color::LightYellow),
            Role::Link => self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            Role::Url | Role::TableBorder | Role::Rule | Role::YamlPunct => {
                self.fg(Color::DarkGray)
            }
            Role::Marker => self.fg(Color::Cyan),
            Role::CodeBlock | Role::YamlValue => self.fg(Color::LightGreen),
            Role::YamlKey => self.fg(Color::LightBlue),
            Role::YamlComment => self.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            Role::YamlMarker => self.fg(Color::LightMagenta),
            Role::Diagram => self.fg(Color::LightMagenta),
            Role::Note => self.fg(Color::Yellow).add_modifier(Modifier::ITALIC),
        };
        let mut result = base;
        if style.bold {
            result = result.add_modifier(Modifier::BOLD);
        }
        if style.italic {
            result = result.add_modifier(Modifier::ITALIC);
        }
        result
    }

    /// Title bars at the top of each screen.
    pub fn title_bar(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The key hints and messages line at the bottom.
    pub fn status_bar(self) -> Style {
        self.fg(Color::Gray)
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Column headers of tables the interface draws.
    pub fn header(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: categories, minutes.
    pub fn dim(self) -> Style {
        self.fg(Color::Gray)
    }

    /// Notes that need attention, such as the translation fallback.
    pub fn note(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Text that matches the search.
    pub fn search_match(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Borders of pop-up windows.
    pub fn popup_border(self) -> Style {
        self.fg(Color::LightCyan)
    }
}

/// The darker counterpart of a colour meant for a dark background.
fn for_light_background(colour: Color) -> Color {
    match colour {
        Color::LightCyan | Color::Cyan | Color::LightBlue => Color::Blue,
        Color::LightYellow | Color::LightMagenta => Color::Magenta,
        Color::LightGreen => Color::Green,
        Color::LightRed => Color::Red,
        Color::Gray => Color::DarkGray,
        Color::Yellow => Color::Indexed(130),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_removes_every_colour() {
        let theme = Theme::from_env(Some("1".into()));
        for role in [Role::Heading(2), Role::Code, Role::YamlKey, Role::Diagram] {
            let style = theme.text(TextStyle::plain(role));
            assert_eq!((style.fg, style.bg), (None, None), "{role:?}");
        }
        assert_eq!(theme.selected().bg, None);
    }

    #[test]
    fn no_color_wins_over_a_chosen_theme_and_light_darkens() {
        let theme = Theme::choose(Some(ThemeName::Light), Some("1".into()));
        assert_eq!(theme, Theme::plain());
        let light = Theme::choose(Some(ThemeName::Light), None);
        assert_eq!(
            light.text(TextStyle::plain(Role::Code)).fg,
            Some(Color::Magenta)
        );
        assert_eq!(ThemeName::parse("light"), Some(ThemeName::Light));
        assert_eq!(ThemeName::parse("neon"), None);
    }

    #[test]
    fn empty_no_color_keeps_colours() {
        assert_eq!(Theme::from_env(Some("".into())), Theme::dark());
        assert_eq!(Theme::from_env(None), Theme::dark());
    }
}
