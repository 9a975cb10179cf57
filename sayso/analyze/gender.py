"""Gender cues: what a title, a first name, a gendered word or a pronoun says of a person.

A person's gender comes from "Mr."/"Ms." before a mention, else a gendered title among the words
the article introduces them with ("spokeswoman", "widow"), else a known first name. It only
rules candidates out: an unknown gender fits either pronoun.
"""

from __future__ import annotations

from ..model import Entity
from .name_forms import name_words, word_before

_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame"})
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# First names common in English-language news, to tell "he" from "she". Names given to both
# (Jordan, Taylor, Kelly…) are left out: an unknown gender fits either pronoun.
_MALE_NAMES = frozenset(
    """
    aaron abdul abraham adam adrian ahmed al alan albert alberto alec alex alexander alexei alfred ali
    andrzej anton antoine boris carlo dieter emilio enzo fabio francois franz friedrich giorgio
    giovanni giuseppe gunther hans heinrich helmut hugo jacques jens jurgen klaus lars lorenzo
    luca luigi manuel marcel marco matteo mehmet mikhail mustafa olaf pablo paolo pavel piet recep
    rolf sergio stefan sven thierry tomas vladislav wolfgang
    allen alvin amir andre andrew andy angelo anthony antonio arnold arthur ashton barack barry
    ben benjamin benny bernard bernie bill billy bob bobby boris brad bradley brandon brendan brent
    brett brian bruce bryan byron calvin carl carlos cecil chad charles charlie chris christian
    christopher chuck clarence claude clay clayton clifford clint clinton cody colin connor conrad
    cory craig curtis dale dan daniel danny darrell darren dave david dean dennis derek devin dick
    diego dmitry don donald doug douglas duane dustin dwayne dwight earl ed eddie edgar eduardo
    edward edwin elijah elliot emmanuel enrique eric erik ernest ernesto eugene evan felix fernando
    francis francisco frank franklin fred frederick gabriel gary gavin gene geoffrey george gerald
    gilbert glenn gordon graham grant greg gregory gus guy hakeem hank harold harry harvey hassan
    hector henry herbert herman howard hugh hunter ian igor isaac ivan jack jacob jake james
    jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jesus jim jimmy joe joel john
    johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin
    kirk kurt kyle lamar lance larry lawrence leo leon leonard lewis lindsey lloyd lonnie louis
    luis luke malcolm marco marcus mario mark marshall martin marvin matt matthew maurice max
    melvin michael miguel mike mitch mitt mohammed muhammad nathan ned neil nelson nicholas nick
    nikolai noah norman oliver omar oscar owen patrick paul pedro peter phil philip phillip pierre
    rafael ralph ramon randall randy ray raymond reggie reginald reince ricardo richard rick ricky
    rob robert roberto rod rodney roger roland ron ronald ronnie ross roy rudy rush russell ryan sam
    samuel saul scott sean sergei sergey seth shane shaun sherrod simon stanley stephen steve steven
    stuart ted terrence thad thomas tim timothy todd tom tommy tony travis trent trey troy
    tyler vernon victor vincent vladimir wade walter warren wayne wesley will william willie xavier
    yuri zach zachary
    """.split()
)
_FEMALE_NAMES = frozenset(
    """
    abby abigail ada adriana aisha alexandra alexis alice alicia alison allison amanda amber amy
    agnieszka angela anja annika astrid birgit brigitte chiara elena elif francesca giulia
    greta heike helga ilse ines ingrid irina katarina katja lena magda marta martina mette nadia
    natalia oksana olena petra sabine silvia sophie svetlana tatiana ursula yulia
    ana andrea angela angelina anita ann anna anne annette april arlene ashley audrey barbara
    beatrice becky belinda beth betsy betty beverly bonnie brenda bridget brittany brooke camila
    candice carla carly carmen carol caroline carolyn carrie catherine cathy cecilia charlene
    charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie
    courtney cristina crystal cynthia daisy danielle debbie deborah debra denise diana diane
    dianne dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth elizabeth ella
    ellen emily emma erica erin esther eva evelyn fatima felicia fiona florence frances gabriela
    gail gina gladys gloria grace gretchen gwen hannah harriet heather heidi helen hillary holly
    hope ingrid irene iris isabel ivanka ivana jackie jacqueline jane janet janice jasmine jean
    jeanne jennifer jenny jessica jill jo joan joann joanne jocelyn josephine joy joyce judith judy
    julia julie june karen kate katherine kathleen kathryn kathy katie katrina kay kayla kellyanne
    kimberly kirsten kristen kristin laura lauren laurie leah lena lillian linda lisa
    lois loretta lori lorraine louise lucy lydia madeleine madeline malia mara marcia margaret
    maria marian marie marilyn marion marjorie marsha martha mary maureen maxine megan meghan
    melania melanie melinda melissa meryl michele michelle mildred minyon miranda molly monica
    nancy naomi natalie natasha nicole nikki nina nora norma olga olivia paige pamela patricia patty
    paula pauline peggy penny phyllis priscilla rachel ramona rebecca regina renee rhonda rita
    roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon
    sheila shelby shirley sofia sonia sophia stacy stella stephanie sue susan suzanne sylvia tamara
    tammy tanya tara teresa theresa tiffany tina tracy valerie vanessa vera veronica victoria
    virginia vivian wanda wendy whitney yolanda yvonne zoe
    """.split()
)
_FEMALE_WORDS = frozenset(
    """
    woman businesswoman mother wife daughter sister widow mom grandmother girl actress heiress
    spokeswoman chairwoman congresswoman queen princess lady duchess countess
    """.split()
)
_MALE_WORDS = frozenset(
    """
    man businessman father husband son brother widower dad grandfather boy actor heir spokesman
    chairman congressman king prince duke count
    """.split()
)


def is_first_name(word: str) -> bool:
    """A word (lower case) known as a first name given to women or to men."""
    return word in _FEMALE_NAMES or word in _MALE_NAMES


def name_gender(words: list[str]) -> str | None:
    """"f" or "m" when a name starts with a first name given to women or to men."""
    if words and words[0] in _FEMALE_NAMES:
        return "f"
    if words and words[0] in _MALE_NAMES:
        return "m"
    return None


def honorific_gender(text: str, start: int) -> str | None:
    """The gender a Mr./Mrs./Ms. right before ``start`` gives."""
    before = word_before(text, start)
    if before in _FEMALE_HONORIFICS:
        return "f"
    if before == "mr":
        return "m"
    return None


def pronoun_gender(word: str) -> str | None:
    """"m" for he/him/his, "f" for she/her, None for any other word (lower case)."""
    return "m" if word in _MALE_PRONOUNS else "f" if word in _FEMALE_PRONOUNS else None


def words_gender(words: set[str]) -> str | None:
    """The gender gendered words give ("spokeswoman", "widower"), women's words first."""
    if words & _FEMALE_WORDS:
        return "f"
    if words & _MALE_WORDS:
        return "m"
    return None


def entity_gender(text: str, entity: Entity, titles: set[str]) -> str | None:
    """A person's gender from a Mr./Ms. before any mention, else the title words they were
    introduced with, else their first name."""
    for mention in entity.mentions:
        gender = honorific_gender(text, mention.start)
        if gender is not None:
            return gender
    return words_gender(titles) or name_gender(name_words(entity.name))
