#!/usr/bin/env python3
"""Writes a synthetic blog corpus for the content compiler benchmark.

    gen-corpus.py OUT_DIR [--posts N] [--seed S]

Writes OUT_DIR/site.toml and OUT_DIR/posts/<slug>.md: TOML front matter (title,
description, date, authors, categories, tags) and a Markdown body of 300 to 1200 words
with ## headings, lists, links, emphasis and, in about 30% of posts, a fenced code block.
Authors and categories are display names, so no author or category files are needed.
The same files build with Hugo. Deterministic: one random.Random with a fixed seed,
so the same seed and post count give byte-identical files. Standard library only.
"""

import argparse
import datetime
import os
import random
import sys

WORDS = """
able about above across adapter after again against agent algorithm allocation also
always amount analysis anchor another answer api approach area argument array aside
async attempt audit author available average back backend balance bandwidth barrier
base batch because become before begin behaviour being benchmark better between beyond
binary block body borrow both boundary branch browser buffer build bundle byte cache
call can capacity careful case catalog cause change channel check choice chunk clear
client close cluster code collect column come commit common compare compiler complete
concurrent config consider constant contain context continue contract control copy core
correct cost could count crate create current cursor cycle data database deadline
decide default define delay deliver demand depend deploy design detail determine
develop differ direct disk dispatch document domain done down draft driver during each
early edge effect effort either element else enable encode end engine enough ensure
entry error estimate even event every example exist expect explain export expression
extend fact failure fast feature field file filter final find first fix flag focus
follow format forward frame free function future gather general generate given global
good graph group grow guard half handle happen hash header heap help hidden high hold
hook host however idea image impact implement import improve include index input
insert inside instead interface internal issue item iterate job join just keep kernel
key kind known label large last latency later layer layout lead learn least leave
length level library lifetime light limit line link list little load local lock log
long look loop lower machine main maintain make manage many map mark match matter
maybe measure memory merge message method metric might minimal mode model module more
most move much must name native near need network never next node normal note number
object observe offset often once only open operation option order other output over
owner package page pair parallel parameter parse part pass path pattern peak pending
perhaps phase pipeline place plan platform point policy pool port possible power
practice prefer present pressure previous primary print priority probably problem
process produce profile program project proper protocol provide public publish pull
query queue quick quite range rather reach read ready real reason record reduce
reference region register release remain remote remove render replace report request
require reserve resolve resource response result return review right risk role root
route rule runtime safe same sample scale schema scope search second section secure
select send sequence serial server service session set shape share short should show
side signal simple single size slice slow small snapshot socket some source space span
specific stable stack stage standard start state static status step still storage store
stream string strong struct style subset such support surface switch symbol sync system
table target task team template term test text thread through time token tool total
trace track trade transfer tree trigger type under unit update upgrade usage user
usually value variable vector version view visible wait warning watch weight while
whole wide window within without work worker write yield zero
""".split()

FIRST_NAMES = """Ana Bruno Carla Diego Elena Farid Greta Hugo Ines Jonas Kenji Lucia Mateo
Nadia Omar Paula Quentin Rosa Samir Tomas Ursula Victor Wen Ximena Yusuf Zoe Alba Ben
Chloe Dario Emma Felix Gina Hector Iris Jorge Kira Leo Maya Nico""".split()
LAST_NAMES = """Ruiz Costa Meyer Lopez Novak Haddad Lind Moreau Silva Berg Tanaka Ortiz
Rossi Khan Dubois Ferreira Bauer Garcia Okafor Petrov Larsen Sato Romero Weber Ito
Fischer Moreno Nguyen Keller Santos Almeida Becker Vidal Jensen Park Russo Wagner Cruz
Hall Kovac""".split()

CATEGORIES = [
    "Announcements", "Release Engineering", "Compiler Internals", "Community",
    "Performance", "Security", "Tooling", "Language Design", "Infrastructure",
    "Tutorials", "Case Studies", "Governance",
]

LANGUAGES = ["rust", "toml", "sh", "json", "python"]


def sentence(rng, low=6, high=18):
    words = rng.choices(WORDS, k=rng.randint(low, high))
    words[0] = words[0].capitalize()
    # Some inline markup so the Markdown parser has more than plain text to do.
    roll = rng.random()
    if roll < 0.08:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    elif roll < 0.14:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    elif roll < 0.18:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    return " ".join(words) + rng.choice(".......?!")


def title_case(words):
    return " ".join(w.capitalize() for w in words)


def code_block(rng):
    lang = rng.choice(LANGUAGES)
    lines = []
    for _ in range(rng.randint(4, 14)):
        a, b, c = rng.choices(WORDS, k=3)
        if lang == "rust":
            lines.append(rng.choice([
                f"let {a} = {b}.{c}()?;",
                f"fn {a}_{b}(input: &str) -> Result<{c.capitalize()}, Error> {{",
                f"    self.{a}.insert({b}, {rng.randint(0, 999)});",
                "}",
                f"// {a} {b} {c}",
            ]))
        elif lang == "toml":
            lines.append(f'{a}_{b} = "{c}"')
        elif lang == "sh":
            lines.append(f"cargo {a} --{b} {c}")
        elif lang == "json":
            lines.append(f'  "{a}": {{ "{b}": "{c}" }},')
        else:
            lines.append(f"{a} = {b}({c!r})")
    return f"```{lang}\n" + "\n".join(lines) + "\n```"


def body(rng, slugs, words_target, with_code):
    blocks = []
    words = 0
    code_at = rng.randint(1, 4) if with_code else -1
    section = 0
    while words < words_target:
        if section > 0 or rng.random() < 0.5:
            blocks.append("## " + title_case(rng.choices(WORDS, k=rng.randint(2, 5))))
        for _ in range(rng.randint(1, 3)):
            if words >= words_target:
                break
            sentences = [sentence(rng) for _ in range(rng.randint(2, 6))]
            if rng.random() < 0.35:
                target = rng.choice(slugs)
                text = " ".join(rng.choices(WORDS, k=rng.randint(2, 4)))
                sentences.insert(rng.randrange(len(sentences) + 1),
                                 f"See [{text}](/posts/{target}/) for more.")
            elif rng.random() < 0.1:
                sentences.append(
                    f"The [{rng.choice(WORDS)} reference](https://example.com/{rng.choice(WORDS)}/) has details.")
            paragraph = " ".join(sentences)
            words += paragraph.count(" ") + 1
            blocks.append(paragraph)
        if words < words_target and rng.random() < 0.4:
            marker = rng.choice(["-", "*", "1."])
            items = []
            for _ in range(rng.randint(3, 6)):
                item = sentence(rng, 3, 10)
                words += item.count(" ") + 1
                items.append(f"{marker} {item}")
            blocks.append("\n".join(items))
        if section == code_at:
            blocks.append(code_block(rng))
        section += 1
    if with_code and code_at >= section:
        blocks.append(code_block(rng))
    return "\n\n".join(blocks) + "\n"


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    authors = [f"{f} {l}" for f, l in zip(FIRST_NAMES, rng.sample(LAST_NAMES, len(LAST_NAMES)))]
    tags = set()
    while len(tags) < 200:
        tags.add("-".join(rng.sample(WORDS, rng.choice([1, 1, 2]))))
    tags = sorted(tags)

    # Titles and slugs first, so that bodies can link to other posts.
    posts = []
    seen = set()
    for _ in range(args.posts):
        title_words = rng.choices(WORDS, k=rng.randint(3, 7))
        slug = "-".join(title_words)
        if slug in seen:
            n = 2
            while f"{slug}-{n}" in seen:
                n += 1
            slug = f"{slug}-{n}"
        seen.add(slug)
        posts.append((slug, title_case(title_words)))
    slugs = [slug for slug, _ in posts]

    start = datetime.date(2015, 1, 1)
    days = (datetime.date(2024, 12, 31) - start).days
    os.makedirs(os.path.join(args.out, "posts"), exist_ok=True)
    with open(os.path.join(args.out, "site.toml"), "w", encoding="utf-8") as f:
        f.write('title = "Benchmark corpus"\n'
                f'description = "{args.posts} synthetic posts for the content compiler benchmark."\n'
                'base_url = "/"\n')
    total_words = 0
    min_words, max_words = 10**9, 0
    for slug, title in posts:
        date = start + datetime.timedelta(days=rng.randint(0, days))
        post_authors = rng.sample(authors, 1 if rng.random() < 0.85 else 2)
        post_tags = rng.sample(tags, rng.randint(2, 5))
        category = rng.choice(CATEGORIES)
        description = sentence(rng, 12, 24)
        # Stops at the first paragraph past the target: bodies of about 300 to 1200 words.
        text = body(rng, slugs, rng.randint(300, 1120), rng.random() < 0.3)
        total_words += len(text.split())
        min_words = min(min_words, len(text.split()))
        max_words = max(max_words, len(text.split()))
        with open(os.path.join(args.out, "posts", slug + ".md"), "w", encoding="utf-8") as f:
            f.write("+++\n"
                    f"title = {toml_string(title)}\n"
                    f"description = {toml_string(description)}\n"
                    f"date = {date.isoformat()}\n"
                    f"authors = {toml_list(post_authors)}\n"
                    f"categories = {toml_list([category])}\n"
                    f"tags = {toml_list(post_tags)}\n"
                    "+++\n\n")
            f.write(text)
    print(f"gen-corpus: wrote {len(posts)} posts to {args.out}: bodies of {min_words} to {max_words} words, "
          f"{total_words // len(posts)} on average", file=sys.stderr)


if __name__ == "__main__":
    main()
