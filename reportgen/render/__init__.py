"""Writers: the HTML site, the PDFs and the data exports."""
