"""The front end: Go's lexer (scanner), the Lark LALR grammar, the parser and its nodes."""
