#!/usr/bin/env python3
"""Writes a synthetic class for `psverify grade --dir`: one answer sheet per student, a roster,
a rubric and the same answers as a form-export CSV, all determined by --seed.

Each answer is right, wrong, malformed or missing, in one of several spellings (plain text,
Unicode, LaTeX). A few sheets are defective as files (binary, CRLF or CR line ends, a UTF-8 byte
order mark) and a few roster students submit nothing.

    python3 Scripts/make_class.py --seed 7 --students 500 --out /tmp/class
    psverify grade --dir /tmp/class/sheets --roster /tmp/class/roster.csv \
        --rubric /tmp/class/rubric.toml --gradebook /tmp/class/gradebook.csv \
        --canvas /tmp/class/canvas.csv --feedback /tmp/class/feedback
"""
import argparse
import csv
import os
import random

RIGHT = {
    "1": ["B*X*Y*dX*dY*Nout*Nin", "B·X·Y·ΔX·ΔY·N_out·N_in",
          r"BXY \Delta X \Delta Y N_{\text{out}} N_{\text{in}}", "N_in N_out B Y X DY DX",
          "B*(X-dX+1)*(Y-dY+1)*dX*dY*Nout*Nin"],
    "2": ["L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] - B[j])",
          "L_{ℓ+1}[b, x, y, t, j] = σ(K_{ℓ+1}[j, ΔX, ΔY, ΔT, I] L_ℓ[b, s·x + ΔX, s·y + ΔY, s·t + ΔT, I]"
          " − B_{ℓ+1}[j])",
          r"L_{\ell+1}[b,x,y,t,j] = \sigma(K_{\ell+1}[j,\Delta X,\Delta Y,\Delta T,I] "
          r"L_{\ell}[b,sx+\Delta X,sy+\Delta Y,st+\Delta T,I] - B_{\ell+1}[j])"],
    "3a": ["2*N*Nb*(L-1); N^2*(L-1); Nb < N/2",
           "2·N·N_bottle·(L − 1); N²·(L − 1); N_bottle < N/2",
           "condition: 2 Nb < N; plain: N^2 (L-1); bottleneck: 2 N Nb (L - 1)",
           "2*N*Nb*(L-1); N^2*(L-1); Nb/N < 1/2"],
    "3b": ["1/sqrt(2)", "γ = 1/√2", r"\frac{\sqrt{2}}{2}", "2^(-1/2)", "0.7071"],
    "3c": ["gamma^(L-1)", "γ^(L−1)", r"\gamma^{L-1}", "gamma^L"],
    "4": ["L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-p,y+dY-p,I] + "
          "W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-p,2y+dY-p,I] - B_{l+1}[j])",
          r"L_{\ell+1,s}[b,x,y,j] = \sigma(W_{\ell+1,\leftarrow}[\Delta X,\Delta Y,I,j] "
          r"L_{\ell,s+1}[b,x+\Delta X-1,y+\Delta Y-1,I] + W_{\ell+1,\uparrow}[\Delta X,\Delta Y,I,j] "
          r"L_{\ell,s}[b,2x+\Delta X-1,2y+\Delta Y-1,I] - B_{\ell+1}[j])"],
}

# Common wrong answers, each in several spellings of one meaning.
WRONG = {
    "1": [["B*X*Y*dX*dY*Nout", "B·X·Y·ΔX·ΔY·N_out", r"BXY\Delta X\Delta Y N_{\text{out}}"],
          ["X*Y*dX*dY*Nout*Nin", "X·Y·ΔX·ΔY·N_out·N_in"],
          ["B*X*Y*dX*dY*Nout*Nin + B*X*Y*Nout", "B X Y N_out (dX dY N_in + 1)"]],
    "2": [["L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,x+dX,y+dY,t+dT,I] - B[j])",
           "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, x + ΔX, y + ΔY, t + ΔT, I] − B[j])"],
          ["L_{l+1}[b,x,y,t,j] = sigma(K[j,dX,dY,dT,I] L_l[b,s*x+dX,s*y+dY,s*t+dT,I] + B[j])",
           "L_{ℓ+1}[b, x, y, t, j] = σ(K[j, ΔX, ΔY, ΔT, I] L_ℓ[b, sx + ΔX, sy + ΔY, st + ΔT, I] + B[j])"]],
    "3a": [["N*Nb*(L-1); N^2*(L-1); Nb < N/2", "N·N_bottle·(L − 1); N²·(L − 1); N_bottle < N/2"],
           ["2*N*Nb*(L-1); N^2*(L-1); Nb <= N/2", "2·N·N_bottle·(L − 1); N²·(L − 1); N_bottle ≤ N/2"],
           ["2*N*Nb*L; N^2*L; Nb < N/2"]],
    "3b": [["1/2", "0.5", r"\frac{1}{2}"], ["1", "1.0"], ["sqrt(2)", "√2", r"\sqrt{2}"]],
    "3c": [["gamma^(L-2)", "γ^(L−2)", r"\gamma^{L-2}"], ["gamma^(L+1)", "γ^(L+1)"], ["gamma", "γ"]],
    "4": [["L_{l+1,s}[b,x,y,j] = sigma(W_{l+1,left}[dX,dY,I,j] L_{l,s+1}[b,x+dX-p,y+dY-p,I] + "
           "W_{l+1,up}[dX,dY,I,j] L_{l,s}[b,2x+dX-p,2y+dY-p,I] + B_{l+1}[j])"]],
}

MALFORMED = {
    "1": ["B*X*(Y", "B*X*Y*Q", "B < X"],
    "2": ["L[b, x = σ(K[j] L[b])"],
    "3a": ["2*N*Nb*(L-1; N^2*(L-1); Nb < N/2"],
    "3b": ["1/sqrt(", "gamma"],
    "3c": ["gamma^(L-1", "sigma^(L-1)"],
    "4": ["L_{ℓ+1,s}[b, x, y, j] = σ(W_{ℓ+1,←}[ΔX, ΔY, I, j"],
}

FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Leslie", "Radia",
         "Ken", "Margaret", "Niklaus", "Sophie", "Tony", "Yann", "Fei-Fei", "Geoffrey", "Yoshua", "Jürgen"]
LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Lamport",
        "Perlman", "Thompson", "Hamilton", "Wirth", "Wilson", "Hoare", "LeCun", "Li", "Hinton", "Bengio",
        "Schmidhuber", "O'Neil", "García, Jr."]


def answer(rng, problem):
    r = rng.random()
    if r < 0.60:
        return rng.choice(RIGHT[problem])
    if r < 0.85:
        return rng.choice(rng.choice(WRONG[problem]))
    if r < 0.92:
        return rng.choice(MALFORMED[problem])
    return None


def sheet(rng, answers):
    lines = ["# CNN problem set answers"]
    for problem, text in answers.items():
        if text is None:
            continue
        style = rng.random()
        head = f"- {problem}:" if style < 0.1 else f"**{problem}**:" if style < 0.2 else f"{problem}:"
        lines.append(f"{head} {text}")
        if rng.random() < 0.2:
            lines.append("")
    body = "\n".join(lines) + "\n"
    ending = rng.random()
    if ending < 0.1:
        body = body.replace("\n", "\r\n")
    elif ending < 0.15:
        body = body.replace("\n", "\r")
    data = body.encode("utf-8")
    if rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + data
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sheets = os.path.join(args.out, "sheets")
    os.makedirs(sheets, exist_ok=True)
    for name in os.listdir(sheets):
        os.remove(os.path.join(sheets, name))
    problems = ["1", "2", "3a", "3b", "3c", "4"]
    roster, rows = [], []
    for i in range(args.students):
        sid = f"s{i + 1:04d}"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        section = rng.choice(["A", "B", "C"])
        roster.append([sid, name, section, f"{sid}@example.edu"])
        if rng.random() < 0.02:
            continue  # on the roster, submitted nothing
        if rng.random() < 0.004:
            with open(os.path.join(sheets, sid + ".pdf"), "wb") as f:
                f.write(b"%PDF-1.4\n\x00\x01\x02binary")
            continue
        answers = {p: answer(rng, p) for p in problems}
        with open(os.path.join(sheets, sid + ".txt"), "wb") as f:
            f.write(sheet(rng, answers))
        rows.append([sid, name, section] + [answers[p] or "" for p in problems])
    with open(os.path.join(args.out, "roster.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "section", "email"])
        w.writerows(roster)
    with open(os.path.join(args.out, "class.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Student ID", "Name", "Section"] + problems)
        w.writerows(rows)
    with open(os.path.join(args.out, "rubric.toml"), "w", encoding="utf-8") as f:
        f.write('assignment = "CNN problems"\ncanvas_id = 12345\n\n'
                "[problems.1]\npoints = 2\n\n[problems.2]\npoints = 3\n\n"
                "[problems.3a]\npoints = 3\nparts = { bottleneck = 1, plain = 1, condition = 1 }\n\n"
                "[problems.3b]\npoints = 1\n\n[problems.3c]\npoints = 1\n\n[problems.4]\npoints = 3\n")


if __name__ == "__main__":
    main()
