//! newsreader: a terminal reader for news articles, made for Chinese text first.
//!
//! Data flows one way: bytes are decoded ([`decode`]), parsed into an [`article::Article`]
//! ([`article`]), gathered into a [`library::Library`], laid out at a width ([`layout`]) and
//! drawn by the terminal interface. Each step is a pure function that can be tested without a
//! terminal. News feeds ([`feed`]) bring articles from the network through the same front ends.

pub mod app;
pub mod article;
pub mod browser;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod debug_log;
pub mod decode;
pub mod feed;
pub mod files;
pub mod guard;
pub mod images;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod model;
pub mod output;
pub mod script;
pub mod search;
pub mod session;
pub mod strings;
pub mod sync;
pub mod terminal;
pub mod theme;
pub mod ui;
