"""The council's pages: public (`public`), proposals (`proposals`), the secretary's work
(`secretary`) and the administrations' answers (`follow_up`)."""
