//! Colours and emphasis for every kind of text the tutor draws.

use ratatui::style::{Color, Modifier, Style};

use crate::markdown::{Role, TextStyle};

/// The styles of the interface. `plain` carries no colour at all, for
/// NO_COLOR users and monochrome terminals; emphasis is kept there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
}

impl Theme {
    /// Colours for a dark terminal background.
    pub fn dark() -> Theme {
        Theme { colour: true }
    }

    /// No colours, only bold, italic, underline and reverse video.
    pub fn plain() -> Theme {
        Theme { colour: false }
    }

    /// `plain` when the NO_COLOR convention asks for it (set and not empty).
    pub fn from_env(no_color: Option<std::ffi::OsString>) -> Theme {
        match no_color {
            Some(value) if !value.is_empty() => Theme::plain(),
            _ => Theme::dark(),
        }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
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
    fn empty_no_color_keeps_colours() {
        assert_eq!(Theme::from_env(Some("".into())), Theme::dark());
        assert_eq!(Theme::from_env(None), Theme::dark());
    }
}
