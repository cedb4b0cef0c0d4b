"""Photo store: content-addressed files, validation, EXIF handling and thumbnails."""
