"""A deterministic corpus of PR/FAQ-like documents for benchmarks (no external data)."""

from __future__ import annotations

import random
from pathlib import Path

CUSTOMERS = [
    "independent bookstore owners",
    "gym owners",
    "small landlords",
    "school librarians",
    "food truck operators",
    "family doctors",
    "wedding photographers",
    "volunteer coaches",
    "dog walkers",
    "craft brewers",
]
PRODUCTS = [
    "Shelfwise",
    "Gymbook",
    "Rentready",
    "Stacks",
    "Truckline",
    "Clinicnote",
    "Shotlist",
    "Coachpad",
    "Walkies",
    "Brewlog",
]
PROBLEMS = [
    "{c} lose about {n} hours a week to paperwork that their customers never see.",
    "When a customer asks for something that is not in stock, {c} wait {n} days for it to arrive.",
    "Many {c} still track orders on paper, and {n}% of them say they lost a sale this month because of it.",
    "Today {c} juggle {n} different tools, and the data they need is spread across all of them.",
    "The current process is very slow and significantly more expensive than it should be.",
]
SOLUTIONS = [
    "{p} lets {c} finish the job in {n} minutes from their phone.",
    "With {p}, {c} see every order in one place and get a text when something changes.",
    "{p} is built on a robust microservices architecture and leverages machine learning to optimize workflows.",
    "Our platform utilizes cutting-edge AI to deliver seamless, best-in-class experiences for various stakeholders.",
    "{c} can now answer a customer in {n} seconds instead of calling a supplier.",
]
FILLER = [
    "It was designed by a team that worked with {n} {c} over two years.",
    "{c} will be able to start in about ten minutes, and there is no setup fee.",
    "The service is available in {n} cities today, and more will be added each month.",
    "Customers pay ${n} a month, and the first month is free.",
    "If a delivery is late, the owner is told before the customer is.",
    "Support is answered by people who have run a shop like theirs.",
]


def document(index: int, words: int = 800) -> str:
    rng = random.Random(index)
    c = rng.choice(CUSTOMERS)
    p = rng.choice(PRODUCTS)

    def fill(template: str) -> str:
        text = template.format(c=c, p=p, n=rng.randint(2, 95))
        return text[0].upper() + text[1:]

    parts = [f"# {p} helps {c} save time", "", f"## {c.capitalize()} can now get more done in less time", ""]
    sections = ["The problem", "The solution", "How to get started", "Frequently asked questions"]
    count = 0
    for section in sections:
        parts += [f"## {section}", ""]
        for _ in range(3):
            pool = PROBLEMS if section == "The problem" else SOLUTIONS if section == "The solution" else FILLER
            sentences = [fill(rng.choice(pool)) for _ in range(rng.randint(3, 5))]
            paragraph = " ".join(sentences)
            count += len(paragraph.split())
            parts += [paragraph, ""]
            if count >= words * (sections.index(section) + 1) / len(sections):
                break
    while count < words:
        paragraph = " ".join(fill(rng.choice(FILLER)) for _ in range(4))
        count += len(paragraph.split())
        parts += [paragraph, ""]
    return "\n".join(parts)


def write_corpus(directory: Path, count: int, words: int = 800) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"doc-{i:05d}.md"
        if not path.exists():
            path.write_text(document(i, words), encoding="utf-8")
        paths.append(path)
    return paths
