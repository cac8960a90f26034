"""Reading and writing Chinese: normalisation, the named phrase lists (lexicon), dates in words."""
