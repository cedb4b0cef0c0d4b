"""Dashboard parts: figure tiles and the charts painted with QPainter (no QtCharts needed)."""
