#!/usr/bin/env Rscript
# Reference Bradley–Terry fits of the shipped comparison data by R's BradleyTerry2 (BTm) and, for
# Davidson's tie model, which BTm does not fit, by the equivalent Poisson log-linear model in glm.
#
#   Rscript bradleyterry2.R DATA_DIR [OUT.csv]
#
# DATA_DIR holds baseball-1987.csv and ncaa-icehockey-2009-10.csv (fixpoint-bench/src/main/resources/
# comparisons). Writes CSV rows case,parameter,kind,reference,estimate,standardError:
#   kind = contrast     estimate and standard error of s_parameter − s_reference (BTabilities)
#   kind = centred      the log-strength centred to sum to zero over the items, and its standard error
#   kind = coefficient  the home advantage h ("home") or Davidson's log ν ("tie")
# The frozen output is fixpoint-bench/src/main/resources/btm/bradleyterry2.csv; the tests compare
# Fixpoint with it and never run R.
pdf(NULL)  # no Rplots.pdf in the working directory
suppressPackageStartupMessages(library(BradleyTerry2))

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
out <- if (length(args) >= 2) args[2] else ""
tight <- glm.control(epsilon = 1e-13, maxit = 100)
# glm's standard errors come from the weights of its last IRLS iteration, i.e. of the point before the
# final update (about 1e-7 relative off here); every model is therefore fitted twice, the second time
# from the first fit's estimate, which puts them at the estimate itself.
options(warn = -1)  # fractional "successes" (ties as half wins) make glm warn; expected

baseball <- read.csv(file.path(dir, "baseball-1987.csv"))
hockey <- read.csv(file.path(dir, "ncaa-icehockey-2009-10.csv"))
teams <- function(a, b) factor(a, levels = sort(unique(c(a, b))))

rows <- list()
emit <- function(case, parameter, kind, reference, estimate, se) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, parameter = parameter, kind = kind, reference = reference,
                                          estimate = estimate, standardError = se, stringsAsFactors = FALSE)
}

# BTabilities of a BTm fit as contrasts with the reference item, plus named coefficients.
emit_btm <- function(case, model, coefficients = character(0), names = coefficients) {
  ab <- BTabilities(model)
  reference <- rownames(ab)[ab[, 2] == 0 & ab[, 1] == 0][1]
  for (k in seq_len(nrow(ab))) {
    if (rownames(ab)[k] != reference) emit(case, rownames(ab)[k], "contrast", reference, ab[k, 1], ab[k, 2])
  }
  s <- summary(model)$coefficients
  for (k in seq_along(coefficients)) emit(case, names[k], "coefficient", "", s[coefficients[k], 1], s[coefficients[k], 2])
}

# Centred log-strengths and their standard errors from the coefficients of the items (all of them
# free, the reference being a virtual opponent) and their covariance: C·V·C, C = I − 11ᵀ/n.
emit_centred <- function(case, theta, V) {
  n <- length(theta)
  C <- diag(n) - matrix(1 / n, n, n)
  centred <- as.vector(C %*% theta)
  se <- sqrt(diag(C %*% V %*% C))
  for (k in seq_len(n)) emit(case, names(theta)[k], "centred", "", centred[k], se[k])
}

## Baseball, counts per pair: home.team's wins and away.team's wins.
bb1 <- teams(baseball$home.team, baseball$away.team)
bb2 <- factor(baseball$away.team, levels = levels(bb1))
m <- BTm(cbind(home.wins, away.wins), bb1, bb2, id = "team", data = baseball, control = tight)
m <- BTm(cbind(home.wins, away.wins), bb1, bb2, id = "team", data = baseball, control = tight, start = coef(m))
emit_btm("baseball", m)
home_bb <- function(start = NULL) BTm(cbind(home.wins, away.wins), data.frame(team = bb1, at.home = 1),
                                     data.frame(team = bb2, at.home = 0), ~ team + at.home, id = "team", data = baseball,
                                     control = tight, start = start)
m <- home_bb(coef(home_bb()))
emit_btm("baseball-home", m, "at.home", "home")

## Ice hockey, one row per game: result 1 visitor won, 0 lost, ½ tie; home.ice: the opponent at home.
h1 <- teams(hockey$visitor, hockey$opponent)
h2 <- factor(hockey$opponent, levels = levels(h1))
m <- BTm(result, h1, h2, id = "team", data = hockey, control = tight)
m <- BTm(result, h1, h2, id = "team", data = hockey, control = tight, start = coef(m))
emit_btm("icehockey", m)
home_ice <- function(start = NULL) BTm(result, data.frame(team = h1, home.ice = 0),
                                      data.frame(team = h2, home.ice = as.numeric(hockey$home.ice)), ~ team + home.ice,
                                      id = "team", data = hockey, control = tight, start = start)
m <- home_ice(coef(home_ice()))
emit_btm("icehockey-home", m, "home.ice", "home")

## Davidson's model as a Poisson log-linear model (Davidson 1970; Firth): for each game, the counts of
## first-side wins, second-side wins and ties have log means α_game + λ₁, α_game + λ₂ and
## α_game + log ν + (λ₁ + λ₂)/2, with λ = s (+ h at home). The multinomial likelihood's estimates and
## standard errors are those of the Poisson model with a free α per pairing (games summed by pairing).
davidson <- function(case, first, second, result, home1, home2, with_home) {
  games <- data.frame(first = first, second = second, home1 = rep(home1, length.out = length(result)),
                      home2 = rep(home2, length.out = length(result)),
                      a = result == 1, b = result == 0, t = result == 0.5)
  pairings <- aggregate(cbind(a, b, t) ~ first + second + home1 + home2, data = games, FUN = sum)
  levels <- sort(unique(c(first, second)))
  g <- nrow(pairings)
  i <- match(pairings$first, levels)
  j <- match(pairings$second, levels)
  X <- matrix(0, 3 * g, length(levels), dimnames = list(NULL, levels))
  X[cbind(seq_len(g), i)] <- 1
  X[cbind(g + seq_len(g), j)] <- 1
  X[cbind(2 * g + seq_len(g), i)] <- 0.5
  X[cbind(2 * g + seq_len(g), j)] <- 0.5
  y <- c(pairings$a, pairings$b, pairings$t)
  pairing <- factor(rep(seq_len(g), 3))
  tie <- rep(c(0, 0, 1), each = g)
  home <- c(pairings$home1, pairings$home2, (pairings$home1 + pairings$home2) / 2)
  S <- X[, -1]
  fitted <- function(start = NULL) {
    if (with_home) glm(y ~ 0 + pairing + S + tie + home, family = poisson, control = tight, start = start)
    else glm(y ~ 0 + pairing + S + tie, family = poisson, control = tight, start = start)
  }
  fit <- fitted(coef(fitted()))
  s <- summary(fit)$coefficients
  for (k in 2:length(levels)) {
    name <- paste0("S", levels[k])
    emit(case, levels[k], "contrast", levels[1], s[name, 1], s[name, 2])
  }
  emit(case, "tie", "coefficient", "", s["tie", 1], s["tie", 2])
  if (with_home) emit(case, "home", "coefficient", "", s["home", 1], s["home", 2])
}
davidson("icehockey-davidson", hockey$visitor, hockey$opponent, hockey$result, 0, 0, FALSE)
davidson("icehockey-davidson-home", hockey$visitor, hockey$opponent, hockey$result, 0, as.numeric(hockey$home.ice), TRUE)

## Newman's MAP estimate: one fictitious win and one loss of every item against a virtual opponent
## of strength 1, i.e. the maximum-likelihood fit of the augmented data with the virtual opponent as
## BTm's reference. The first 150 games of the hockey season have unbeaten and winless teams, so
## their maximum-likelihood estimate does not exist; the MAP estimate does.
map <- function(case, first, second, wins1, wins2) {
  items <- sort(unique(c(first, second)))
  virtual <- "(virtual)"
  p1 <- factor(c(first, items), levels = c(virtual, items))
  p2 <- factor(c(second, rep(virtual, length(items))), levels = levels(p1))
  w1 <- c(wins1, rep(1, length(items)))
  w2 <- c(wins2, rep(1, length(items)))
  m <- BTm(cbind(w1, w2), p1, p2, id = "team", refcat = virtual, control = tight)
  m <- BTm(cbind(w1, w2), p1, p2, id = "team", refcat = virtual, control = tight, start = coef(m))
  names <- paste0("team", items)
  theta <- coef(m)[names]
  names(theta) <- items
  emit_centred(case, theta, vcov(m)[names, names])
}
map("baseball-map", baseball$home.team, baseball$away.team, baseball$home.wins, baseball$away.wins)
early <- hockey[seq_len(150), ]
map("icehockey-early-map", early$visitor, early$opponent, early$result, 1 - early$result)

table <- do.call(rbind, rows)
table$estimate <- sprintf("%.17g", table$estimate)
table$standardError <- sprintf("%.17g", table$standardError)
if (nzchar(out)) {
  write.csv(table, out, row.names = FALSE, quote = c(1, 2, 3, 4))
} else {
  write.csv(table, stdout(), row.names = FALSE, quote = c(1, 2, 3, 4))
}
