#!/usr/bin/env Rscript
# Converts the small real datasets shipped in Debian's r-cran-* packages to CSV under data/real/.
# Run once from the repository root: Rscript infra/scripts/convert-real-data.R
# Needs: apt-get install -y r-base-core r-cran-tseries r-cran-aer r-cran-modeldata r-cran-caret r-cran-fbasics
# Output is plain CSV: header row, '.' decimal point, empty cell for a missing value, dates as ISO-8601.
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "data/real"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

write_plain <- function(df, name) {
  path <- file.path(out, name)
  write.csv(df, path, row.names = FALSE, na = "", quote = TRUE, fileEncoding = "UTF-8")
  cat(sprintf("%-22s %6d rows %3d columns\n", name, nrow(df), ncol(df)))
}

# Monthly ts -> data frame with the first day of each month as 'date'.
monthly_frame <- function(series) {
  t <- time(series)
  year <- floor(t + 1e-9)
  month <- round((t - year) * 12) + 1
  data.frame(date = sprintf("%04d-%02d-01", as.integer(year), as.integer(month)), as.data.frame(unclass(series)),
             check.names = FALSE)
}

data("tcm", package = "tseries")
write_plain(monthly_frame(tcm), "treasury_monthly.csv")

# tcmd is indexed by business day (frequency 248 a year, 1962.0 onwards) without calendar dates, so we keep
# its position and R's fractional year rather than inventing dates.
data("tcmd", package = "tseries")
write_plain(data.frame(business_day = seq_len(nrow(tcmd)), year_fraction = round(as.numeric(time(tcmd)), 6),
                       as.data.frame(unclass(tcmd)), check.names = FALSE),
            "treasury_daily.csv")

data("BondYield", package = "AER")
write_plain(setNames(monthly_frame(BondYield), c("date", "aaa_yield")), "moodys_aaa_monthly.csv")

data("lending_club", package = "modeldata")
write_plain(as.data.frame(lending_club), "lending_club.csv")

data("credit_data", package = "modeldata")
write_plain(as.data.frame(credit_data), "credit_data.csv")

data("GermanCredit", package = "caret")
write_plain(GermanCredit, "german_credit.csv")

data("DowJones30", package = "fBasics")
dj <- as.data.frame(DowJones30)
names(dj)[1] <- "date"
dj$date <- format(as.Date(as.character(dj$date), tryFormats = c("%Y-%m-%d", "%m/%d/%Y")), "%Y-%m-%d")
write_plain(dj, "dow_jones30.csv")
