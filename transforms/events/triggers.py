"""What happened: trigger patterns → ACLED event type / sub-event type and weapon, plus the filters that
keep opinions, warnings, plans, background and aggregates from becoming events.

Patterns describe the language of conflict reporting, not individual sentences: each is a verb or noun
of the event class with the words that commonly surround it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms.events.frames import COMMENT_WORDS, without_asides_about_names
from transforms.events.numbers import PERSON_NOUNS
from transforms.events.prefilter import Prefiltered


@dataclass(frozen=True)
class Trigger:
    event_type: str
    sub_event_type: str
    weapon: str | None
    start: int
    end: int
    strength: float  # how specific the pattern is


_W = re.IGNORECASE
# fire returned in the next sentence ("Ukrainian forces responded with fire"): with the shelling, a clash
FIRE_BACK = r"\b(?:responded|replied) with (?:[\w-]+ )?fire\b|\breturned (?:[\w-]+ )?fire\b|\bfired back\b"
# armed men named as acting (an abduction or a land seizure needs them; a company or the police do not count)
_ARMED = r"\b(?:forces|troops|soldiers|servicemen|military|occupiers|invaders"
# a side's forces as the object of combat verbs ("repelled Russian forces", "pushing back the enemy")
_FORCES = (
    r"(?:the\s+)?(?:invading\s+|occupying\s+|attacking\s+|advancing\s+)?"
    r"(?:Russian|Ukrainian|enemy|Russia[’']s|Ukraine[’']s)\s+(?:forces|troops|units|soldiers|army)\b|"
    r"the\s+(?:enemy|invaders|occupiers)\b"
)
# Manned aircraft: downing one is an attack (ACLED: Shelling/artillery/missile attack) or, by another aircraft,
# an armed clash — not an interception (that is for drones and missiles).
_AIRCRAFT = r"(?:aircraft|airplanes?|planes?|jets?|helicopters?|fighters?|bombers?|(?:Su|MiG|Il|Mi|Ka|K|Tu|An)-\d+\w*)"
_AIRCRAFT_DOWNED_PATTERN = (
    rf"\b(?:shot|shoot(?:s|ing)?)\s+down\s+(?:[\w'-]+\s+){{0,4}}?{_AIRCRAFT}\b|"
    rf"\b(?:downed|destroyed)\s+(?:[\w'-]+\s+){{0,4}}?{_AIRCRAFT}\b"
)
# (event_type, sub_event_type, weapon, strength, pattern). Order matters only for ties at the same offset.
# what harm is blamed on, or what caused it, up to the weapon's word: "They blamed a Ukrainian Tochka-U missile",
# "had been hit by fragments of a missile" (``CAUSE_STATED``: the same words with any weapon)
_CAUSED_BY = (
    r"(?:\b(?:blamed|attributed)\s+(?:(?:it|them|the\s+\w+)\s+(?:on|to)\s+)?|"
    r"\b(?:caused\s+by|(?:hit|struck|damaged)\s+by\s+(?:the\s+)?(?:fragments|debris|wreckage))\s+(?:of\s+)?)"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
)
CAUSE_STATED = re.compile(_CAUSED_BY + r"(?:missiles?|rockets?|drones?|shells?)\b", re.IGNORECASE)

_RULES: list[tuple[str, str, str | None, float, str]] = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "missile", 0.93, _AIRCRAFT_DOWNED_PATTERN),
    ("Strategic developments", "Disrupted weapons use", None, 0.9,
     # not a person "shot down" (killed) or a proposal "shot down" (rejected)
     r"\b(?:shot|shoot(?:s|ing)?|gunned)\s+down\b(?!\s+(?:the\s+|a\s+|an\s+)?(?:man|woman|men|women|civilians?|people|him|her|them|"
     r"protesters|residents?|boy|girl|proposals?|plans?|idea|bill|motion|request)\b)|"
     # (not what intelligence intercepts: "identified through intercepted phone calls")
     r"\bintercept(?:ed|s|ing|ion)\b(?!\s+(?:(?:phone|telephone|radio)\s+)?(?:calls?|conversations?|communications?|messages?|"
     r"transmissions?|emails?|letters?))|\bdowned\b|"
     r"\b(?:air[- ]defen[cs]es?|anti-aircraft)\b[^.]{0,60}\b(?:destroyed|neutrali[sz]ed|repelled|downed|brought\s+down)\b|"
     # weapons "repelled": an attack by them fought off in the air ("Drones were repelled in Taganrog")
     r"\b(?:drones?|UAVs?|missiles?|rockets?|Shaheds?)\s+(?:were|was|had\s+been|have\s+been)\s+(?:repelled|repulsed)\b|"
     # a share of the weapons told before, destroyed in the air: "Of these, 64 were destroyed over the Bryansk region"
     r"\b(?:[Oo]f\s+(?:these|them|those|which),?\s+)\d+\s+(?:were|was)\s+(?:destroyed|neutrali[sz]ed)\s+over\b|"
     # "brought down a reconnaissance drone", "two missiles were brought down"
     r"\b(?:brought|brings?|bringing)\s+down\s+(?:[\w-]+\s+){0,4}?(?:drones?|UAVs?|missiles?|rockets?|Shaheds?)\b|"
     r"\b(?:drones?|UAVs?|missiles?|rockets?)\s+(?:were|was|had\s+been)\s+brought\s+down\b|"
     # the officialese of an interception: "air defence worked over the Dzhankoi district", "air defence
     # systems went into action" (both sides' officials say so of the missiles and drones they engage)
     r"\bair[- ]defen[cs]es?(?:\s+(?:systems?|forces|units))?\s+(?:had\s+|has\s+|have\s+)?"
     r"(?:worked|went\s+into\s+action|engaged\s+(?:the\s+)?targets)\b|"
     # ... told as a noun ("the downing of 112 Shahed-type attack drones has been confirmed") or as an attack
     # with them thwarted ("a terrorist attack with an unmanned aerial vehicle ... was thwarted over the region")
     r"\b(?:downing|shooting\s+down|destruction)\s+of\s+(?:[\w-]+\s+){0,4}?(?:drones?|UAVs?|missiles?|rockets?|Shaheds?)\b|"
     r"\b(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles?|missiles?|rockets?)\b[^.;]{0,80}?"
     r"\b(?:was|were|had\s+been|has\s+been)\s+(?:thwarted|foiled)\b|"
     # not "destroyed a missile and artillery ammunition depot": the weapon word is a modifier of a facility
     # ... nor "was destroyed in a missile strike": what follows a preposition is the means, not what was downed
     # (a model's name has a hyphen: "destroyed 12 Shahed-136 drones"; a sea drone is a boat: "destroyed four
     # uncrewed boats")
     r"\bdestroyed\s+(?:(?!(?:in|by|with|during|after|under|from)\b)[\w-]+\s+){0,3}"
     r"(?:drones?|UAVs?|missiles?|(?:sea|naval|unmanned|uncrewed)\s+(?:boats?|vessels?)|USVs?)\b(?!-)"
     r"(?!\s+(?:and\s+[\w-]+\s+)?(?:ammunition\s+)?(?:depots?|warehouses?|storage|launchers?|factory|plant|production|"
     r"workshops?|hangars?))|"
     # ... told in the passive: "three drones were destroyed over the region", "two uncrewed boats had tried to
     # attack the base and had been detected and destroyed"
     r"\b(?:drones?|UAVs?|missiles?|(?:sea|naval|unmanned|uncrewed)\s+(?:drones?|boats?|vessels?)|USVs?)\b"
     r"(?!\s+(?:and\s+[\w-]+\s+)?(?:ammunition\s+)?(?:depots?|warehouses?|storage|launchers?|factory|plant|"
     r"production|base|sites?|systems?|units?|operators?|workshops?|facilit(?:y|ies)))(?:\s+[\w-]+){0,14}?\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
     r"(?:(?:detected|spotted|tracked)\s+and\s+)?(?:destroyed|shot\s+down|downed|neutrali[sz]ed)\b|"
     # (not the kit of an advance: "units backed by tanks and electronic warfare systems crossed the border")
     r"(?<!backed by )(?<!and )(?<!with )\b(?:electronic warfare|GPS jamming)\b|"
     r"\bdefused\b|\bdemined\b|\bcleared\s+(?:of\s+)?mines\b|\bcontrolled (?:detonation|explosion)s?\b|"
     # clearing explosives left behind: "completed removing mines in the port", "cleaning the streets of ...
     # unexploded shells"
     r"(?<!\bin )(?<!\bfor )(?<!\bwith )(?<!\bof )(?<!\bto )\b(?:remov(?:ed|ing)|clean(?:ed|ing)|clearing|demining)\s+(?:[\w,’'-]+\s+){0,9}?(?:mines|landmines|unexploded|"
     r"explosive devices|ordnance|booby[- ]traps)\b|"
     r"\bneutrali[sz]ed\s+(?:\d[\d ,]*\s+|several\s+|dozens of\s+)?(?:[\w-]+\s+){0,3}?(?:munitions?|submunitions?|mines|explosives?|ordnance|shells)\b|"
     r"\bcleared\b[^.]{0,60}\b(?:of|from|for)\s+(?:[\w-]+\s+){0,2}?(?:explosive devices|explosives|mines|ordnance)\b"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "explosive", 0.9,
     # not the industry's: "the heartland of coal mines and factories"
     r"(?<!coal )(?<!salt )(?<!iron )(?<!gold )(?<!ore )(?<!uranium )\b(?:land)?mines?\b(?!\s+(?:workers|company|No\b|\d))|\bIEDs?\b|"
     # not the payload a drone or an aircraft dropped: "a drone dropped an explosive device on a minibus"
     r"(?<!dropped an )(?<!dropped )(?<!dropping an )(?:\bimprovised explosive\b|\bexplosive device\b)"
     r"(?!s?\s+(?:was\s+|were\s+)?dropped\b)|"
     # "a second device exploded under a freight locomotive", "a bomb went off"
     r"\b(?:devices?|bombs?)\s+(?:exploded|went\s+off|blew\s+up|detonated)\b|"
     r"\btripwire\b|\bcar bomb\b|\b(?:car|vehicle|minibus|van|SUV)\s+(?:[\w-]+\s+){0,6}?(?:exploded|blew up)\b|\bbooby[- ]trap|\bunexploded (?:ordnance|shell)|\bexplosive remnants?\b|\bUXO\b|"
     # (not a weapon that went off where it fell: "a drone detonated after being shot down")
     r"(?<!drone )(?<!drones )(?<!missile )(?<!rocket )(?<!Shahed )(?<!shell )\bdetonat(?:ed|ing|ion)\b|"
     r"\b(?:unknown|unidentified) explosive\b|\bexplosive (?:object|item|element)s?\b|\bunexploded\b|"
     r"\b(?:ran over|stepped on|activated|triggered|found|picked up)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:explosives?|mines?|munitions?|grenades?|shells?)\b|"
     r"\bexplosives?\s+(?:planted|placed|left|hidden)\b|\b(?:blew|blown) up\b|\bexplosion of (?:a |the |his |her |their )?car\b"),
    ("Explosions/Remote violence", "Air/drone strike", "drone", 0.85,
     r"\b(?:drones?|Bayraktars?|TB2s?|Lancets?|Gerans?)\b[^.]{0,40}\b(?:attack|strike|hit|struck|rained|targeted|dropped|exploded|crashed|shelled|fired (?:at|on)|launched (?:at|against|on|towards?)|"
     # ... what they set off: "enemy drones caused fires at a private enterprise"
     r"(?:caused|sparked|started|set off)\s+(?:a\s+|several\s+|two\s+|three\s+)?(?:fires?|blazes?|explosions?)|"
     r"kill(?:ed|ing|s)|wound(?:ed|ing|s)|injur(?:ed|ing|es)|damag(?:ed|ing|es))|"
     r"\b(?:drone|UAV|Shahed|Geran|Lancet|kamikaze|FPV|loitering munition)s?[- ](?:attacks?|strikes?|bombing|barrages?)\b|"
     r"\bbarrages?\s+of\s+(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|Shaheds?)\b|"
     r"\b(?:attack|strike|struck|hit|targeted)\w*\s+(?:\w+\s+){0,4}?(?:with|by)\s+(?:\w+\s+){0,3}?(?:drones?|UAVs?|Shaheds?)\b|"
     r"\bdrop(?:ped|s)?\b[^.]{0,50}?\bfrom\s+(?:a\s+|the\s+)?(?:drones?|UAVs?|quadcopters?)\b|"
     r"\bby\s+(?:a\s+)?(?:Russian\s+|Ukrainian\s+)?(?:drone|UAV|FPV)s?\b|\b(?:drone|UAV)-(?:borne|dropped)\b|"
     r"\b(?:fired|launched|used|sent)\s+(?:[\w-]+\s+){0,3}?(?:drones?|UAVs?|loitering munitions?|Shaheds?|FPVs?)\b|"
     r"\b(?:attack|strike|struck|hit|targeted)\w*\b[^.]{0,50}?\bwith\s+(?:[\w-]+\s+){0,3}?(?:drones?|UAVs?|Shaheds?|Shahed-\d+\w*)\b"),
    ("Explosions/Remote violence", "Air/drone strike", "airstrike", 0.86,
     r"\bair[- ]?strikes?\b|\baerial (?:bomb|attack)|\bglide bombs?\b|\bguided (?:aerial )?bombs?\b|\bKABs?\b|\bair bombs?\b|"
     r"\b(?:airborne|air-launched|air|aerial)\s+(?:and\s+\w+\s+)?missiles?\b|"
     r"\bair and (?:rocket|artillery|missile) (?:strikes?|attacks?)\b|"
     # bombs falling on a place are an air force's: "three bombs had struck the centre of Zolochiv" (not a car
     # bomb, a roadside bomb or a cluster bomb's shell)
     r"(?<!car )(?<!roadside )(?<!truck )(?<!cluster )(?<!first )\bbombs\s+(?:had\s+|have\s+)?(?:struck|hit|fell|landed|slammed)\b|"
     # the aircraft told after what it dropped: "buildings hit by bombs dropped from Russian aircraft"
     r"\b(?:bombs?|munitions?|explosives?)\s+(?:[\w-]+\s+){0,2}?dropped\s+(?:by|from)\s+(?!(?:a\s+|the\s+)?drones?\b)|"
     r"\b(?:aircraft|jets?|helicopters?|warplanes?|aviation|air units|air forces?)\b(?!\s+(?:said|says|reported|spokesman|spokesperson|command))[^.]{0,40}\b(?:struck|bombed|attacked|fired|launched|dropped|strikes?|conducted|hit|destroyed)\b|"
     r"\bbombed\b(?![- ]out)|\bbombing\b|\bair raid\b(?!\s+(?:sirens?|alerts?|warnings?|shelters?))"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "missile", 0.85,
     r"\b(?:missiles?|rockets?|Iskanders?|Kalibrs?|Kinzhals?|S-300s?|ballistic|ATACMS|Storm Shadows?|SCALPs?|Neptunes?|"
     r"Tochka(?:-U)?s?)\b[^.]{0,40}\b(?:struck|hit|strike|attack|exploded|landed|fell|crashed|fired|launched|slammed|sheared|tore|torn|ripped|smashed|"
     # the weapon as the doer of the harm: "a Russian missile killed 12 people in Odesa"
     r"kill(?:ed|ing|s)|wound(?:ed|ing|s)|injur(?:ed|ing|es)|damag(?:ed|ing|es)|destroy(?:ed|ing|s))|"
     # a missile system named as the weapon: "hit Kramatorsk with Iskanders"
     r"\b(?:fired|hit|struck|attacked|shelled|targeted)\b[^.]{0,60}?\bwith\s+[“\"]?(?:Iskanders?|Kalibrs?|Kinzhals?|S-300s?|Tochka(?:-U)?s?|Onyx|Oniks|Kh-\d+\w*)\b|"
     r"\b(?:missile|rocket)[- ](?:attacks?|strikes?|fire|barrages?)\b|\bbarrages?\s+of\s+(?:[\w-]+\s+){0,2}?(?:missiles?|rockets?)\b|\b(?:fired|launched)\s+(?:[\w'-]+\s+){0,4}(?:missiles?|rockets?|ATACMS|Storm Shadows?|SCALPs?|Iskanders?|Kalibrs?|Kinzhals?|Neptunes?|Tochka(?:-U)?s?)\b|\b(?:struck|hit|attacked|targeted)\s+(?:\w+\s+){0,4}?(?:with|by)\s+(?:\w+\s+){0,3}?(?:missiles?|rockets?)\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery", 0.85,
     r"\bshell(?:ed|ing|s)\b|\b(?:continu\w+|kept|keeps|began|begun|started|resumed)\s+to\s+shell\b|\b(?:an?|the|Russian|Ukrainian|artillery|mortar|tank|enemy)\s+shell\b|\bartillery\b|\bmortars?\b|\bMLRS\b|\bGrads?\b|\bUragans?\b|\bSmerch(?:es)?\b|\bmultiple (?:launch )?rocket|\bHIMARS\b|"
     r"\bhowitzers?\b|\btanks?\s+(?:fired|shelled)|\bpound(?:ed|ing|s)\b|\bgrenade launchers?\b|\bcluster (?:munitions?|shells?|bombs?)\b|"
     r"\bfired\s+(?:[\w-]+\s+){0,3}?(?:munitions?|shells?|projectiles?|weapons)\b|"
     # bombardment with no weapon named, and being under fire: "continue to bombard", "under heavy Russian fire"
     r"\bbombard(?:s|ed|ing)?\b|\b(?:fresh|new|renewed|heavy|intense) bombardments?\b|\bcame under (?:\w+ )?bombardment\b|"
     # a bombardment as the doer of a damage: "a bombardment flattened a school"
     r"\bbombardments?\s+(?:\w+\s+)?(?:flattened|destroyed|hit|struck|killed|damaged|levell?ed|wrecked)\b|\bunder (?:heavy |constant |intense )?(?:Russian |Ukrainian |enemy )?(?:fire|shelling)\b"),
    # an attack told by what it did to a place or a thing, no weapon named: "a series of explosions struck the
    # city", "Russian attacks destroyed a TV tower", "hit by fresh strikes", "came under deadly attack" (the
    # attack words alone are no event: "Russia's assault on Ukraine", "blast furnaces")
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0.7,
     r"\b(?:explosions?|blasts|strikes|attacks)\s+(?:also\s+|again\s+)?(?:struck|hit|rocked|destroyed|damaged)\b|"
     # ... also one attack told with its time: "a Ukrainian attack overnight damaged an electrical substation"
     r"\b(?:attack|strike)\s+(?:overnight|early\s+on\s+\w+|on\s+\w+(?:\s+(?:night|morning|evening))?)\s+"
     r"(?:struck|hit|destroyed|damaged|killed|wounded|injured)\b|"
     r"\b(?:hit|struck|rocked)\s+by\s+(?:(?:fresh|new|more|further|several|multiple|Russian|Ukrainian)\s+){0,2}"
     r"(?:explosions|blasts|strikes|attacks)\b|\bcame under (?:\w+ )?attack\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0.6,
     r"\bexplosions?\b|\bblasts?\b|\bdebris\b|\bstruck\b|\bstrikes?\b|\bhit\b"),
    # a ship hit ("damaged a Russian navy logistics ship", "sank a patrol boat"), fire across the border and fire
    # on a building: remote violence whose weapon the text does not name
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0.7,
     r"\b(?:damaged|sank|sunk|struck|hit)\s+(?:a|an|the|two|three)\s+(?:[\w-]+\s+){0,4}?"
     r"(?:ship|vessel|boat|frigate|corvette|cruiser|landing craft|tug(?:boat)?|submarine)s?\b|"
     r"\b(?:firing|fire|shelling)\s+from\s+(?:the\s+)?(?:Ukraine|Russia|Ukrainian|Russian)\b|"
     r"\bfired\s+(?:at|on)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:school|hospital|kindergarten|house|home|building|"
     r"block|shelter|market|station|church|plant|factory|bus|train)\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0.7,
     r"\bdestroyed (?:a |an |the |\d+ |two |three )?(?:[\w-]+ ){0,5}(?:column|convoy|tanks?|vehicles?|IFVs?|APCs?|positions?|depot|"
     r"ammunition|warehouse|command post|train|boats?|ships?|radar|headquarters|carriers?|systems?|equipment|guns?|"
     r"arsenals?|stockpiles?|hangars?|storage (?:facility|facilities|site|sites|base|bases))\b|"
     r"\bfired\s+(?:[\w-]+\s+){0,3}?(?:at|on)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:positions?|enterprise|facility|infrastructure|settlement|village|town|city|outskirts)\b|"
     # weapons fired at the other side's forces: "fired IFVs and Javelin anti-tank weapons at Russian forces"
     r"\bfired\s+(?:[\w-]+\s+){1,6}?(?:at|on)\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:forces|troops)\b|"
     r"\bobserved\b[^.]{0,60}\b(?:explosions?|projectiles|bursts|shots|impacts)\b"),
    # a fighter killed in combat, fighting the other side ("was killed while fighting Russian forces in Izyum"):
    # fighting, unless the sentence names the weapon that killed ("died in artillery fire")
    ("Battles", "Armed clash", None, 0.65,
     r"\b(?:killed|died)\s+(?:in\s+(?:combat|action|battle)|during\s+combat(?:\s+operations)?|while\s+fighting)\b|"
     r"\bfighting\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:forces|troops|army|soldiers)\b"),
    ("Battles", "Armed clash", "small arms", 0.88,
     r"\bclash(?:ed|es|ing)?\b|\bfirefights?\b|\bexchange[sd]? of fire\b|\bgun ?battles?\b|\bskirmish(?:es)?\b|"
     r"\b(?:assault|offensive)\s+(?:operations|actions)\b|\b(?:repel(?:led|s|ling)?|repulsed|thwarted|foiled|beat(?:en|s)?\s+(?:back|off)|fought\s+off|fights?\s+off|(?:hold(?:ing|s)?|held)\s+(?:back|off)|fend(?:ed|ing|s)?\s+off)\s+(?:[\w-]+\s+){0,4}?(?:\w*attacks?|assaults?|attempts?|advances?|offensives?|(?:company|assault) groups?)\b|"
     # an assault told as what a side is trying to do: "are trying to encircle and storm the city", "attempted to
     # break through" (not "tried to take", history, nor "take", which is anything; not "an attempt to", nor a
     # description: "forces attempting to seize Kyiv")
     r"\battempt(?:ed|ing|s)? to (?:advance|break through|storm)\b|"
     r"\b(?:(?:is|are|was|were|been)\s+(?:still\s+|now\s+)?(?:trying|attempting|seeking)|attempted|tries|sought) to "
     r"(?:seize|storm|encircle|capture|break through|advance|surround|cut off|assault|finish off|dislodge|drive out)\b|\bengaged in (?:an? )?(?:\w+ )?(?:offensive|attack|assault|clash)|"
     # a ground assault told by where it comes from: "attacked from four separate directions", "from three sides"
     r"\battack(?:ed|ing|s)?\s+from\s+[“\"]?(?:[\w-]+\s+){0,3}?(?:directions|sides|flanks)\b|"
     r"\b(?:were|was) (?:repelled|repulsed)\b|\brepulsed\b|\bassaulted\b|\battempted (?:an? )?(?:offensive|attack|assault|advance|to seize|to capture|to advance|to break)|"
     r"\b(?:attack|assault|offensive)\w* (?:on|against) (?:the )?(?:positions|defen[cs]es)\b|\bground (?:attack|assault)s?\b|"
     r"\b(?:were|was) repelled\b|\boffensive in the direction of\b|\bclashed\b|\bfought\b|"
     # an assault on a place kept up: "pressing on with their assault on Toretsk", "continued their offensive on"
     r"\b(?:press(?:ing|ed|es)?\s+on\s+with|continu(?:e|es|ed|ing)|kept\s+up|keeps?\s+up|keeping\s+up)\s+(?:their|its|the)\s+"
     r"(?:[\w-]+\s+)?(?:assaults?|offensive|attacks?)\s+(?:on|against)\b|"
     # "a first small engagement between Ukrainian units and North Korean soldiers"
     r"\b(?:combat|armed|military|first|small|fierce|heavy)\s+(?:[\w-]+\s+)?engagements?\b|"
     r"\bengagements?\s+between\s+(?:[\w-]+\s+){0,3}?(?:units|troops|soldiers|forces)\b|"
     # a general staff's daily report: "the enemy attacked twice near X", "attacked our positions 5 times",
     # "stopped 38 assaults", "held off 12 attacks"
     r"\battacked\s+(?:(?:Ukrainian|Russian|our|enemy|the|their|its)\s+)?(?:positions|defen[cs]es|lines)\b|"
     # (also "Russian forces attacked 54 times": ground forces, not the air force)
     r"\b(?:enemy|occupiers|invaders|(?<!air )forces|troops|units)\s+attacked\s+(?:\w+\s+){0,3}?"
     r"(?:twice|\d+\s+times|[a-z]+\s+times|near|in the area of)\b|"
     r"\b(?:stopped|thwarted|held off|fought off|beat off|beat back|repelled|repulsed)\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:assaults|attacks|attempts)\b|"
     # a ministry's words for a ground attack fought off: "thwarted another attempted incursion near X",
     # "prevented attempts by mobile enemy groups to break through near X"
     r"\b(?:thwarted|foiled|prevented|stopped|repelled|repulsed)\s+(?:an?\s+|the\s+|another\s+|several\s+)?"
     r"(?:attempted\s+)?(?:incursions?|breakthroughs?|attempts?\b[^.;]{0,60}?\bto\s+(?:break\s+(?:through|into|in)|advance|"
     r"cross|storm|enter|infiltrate|penetrate))\b|"
     # ... an assessment's or a ministry's words for ground fighting: "began a large-scale offensive effort around
     # X", "continued attacks near X", "inflicted losses on manpower and equipment ... in the area of X"
     r"\b(?:began|launched|mounted|started|resumed|opened)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:offensive|assault|incursion)\b|"
     # ... told with the offensive as the subject: "The offensive began before dawn on Tuesday, when ..."
     r"\b(?:offensive|assault|incursion)\s+(?:began|started|opened|was\s+launched)\b|"
     # ground forces crossing into the other side's land: "Russian armoured columns crossed the border"
     r"\b(?:troops|forces|units|columns|soldiers|tanks|infantry|paratroopers|armou?r)\b[^.;]{0,30}?\bcrossed\s+(?:the\s+)?"
     r"(?:state\s+)?border\b|"
     # ground forces attacking a place: "Russian units attacked Avdiivka from the north"
     # (not with a weapon: "troops attacked Sumy with a Shahed drone"; not air forces: an air strike)
     r"(?:(?<=troops )|(?<=(?<!air )forces )|(?<=units )|(?<=soldiers )|(?<=infantry ))attacked\s+"
     r"(?:the\s+(?:town|city|village)\s+of\s+)?(?!Russian\b|Ukrainian\b)(?-i:[A-Z])(?![^.;]{0,40}?\bwith\b)|"
     r"\b(?:continued|conducted|resumed)\s+(?:ground\s+|infantry\s+|offensive\s+)?(?:attacks|assaults)\b"
     r"(?!\s+(?:on|against)\s+(?:the\s+)?(?:city|cities|energy|civilian|infrastructure|power|critical))|"
     r"\binflicted\s+(?:heavy\s+|significant\s+)?losses\s+on\s+(?:the\s+)?(?:enemy|manpower)\b|"
     # forces fighting their way out, or across the border into the other side's land
     r"\bfought\s+(?:their|its|our)\s+way\b|\bfighting\s+(?:their|its|our)\s+way\b|"
     r"\bbattl(?:ed|ing|es)\s+(?:[\w-]+\s+){0,2}?(?:troops|forces|units|soldiers|fighters|the enemy|invaders|for control)\b|"
     r"\blaunched\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?assaults\b|"
     r"\b(?:soldiers|troops|forces|fighters|saboteurs|units)\s+(?:[\w,-]+\s+){0,8}?(?:had\s+|have\s+)?crossed\s+the\s+border\b|"
     r"\b(?:heavy|heaviest|fierce|fiercest|intense|intensive|street|bitter|ongoing|renewed)(?:,?\s+(?:bloody|brutal|fierce|heavy|intense)\b)?\s+(?:fighting|battles?|clashes)\b|"
     # assaults told as going on: "continue to storm the city", "fresh assaults", "attacked from four directions"
     r"\b(?:continue[sd]?|continuing) to (?:storm|assault|attack|advance on|push into)\b|"
     r"\bfighting (?:is|was|has been|remains) (?:most |particularly |especially |very )?(?:intense|fierce|heavy)\b|"
     r"\b(?:fresh|new|renewed|repeated|continued) (?:ground )?(?:assaults|attacks) (?:on|against|in|near|around)\b"
     r"(?!\s+(?:the\s+)?(?:energy|civilian|power|infrastructure|critical)\b)|"
     r"\battacked (?:it |the city |the town )?from (?:\w+ )?(?:directions|sides)\b|\b(?:ground )?(?:attacks|assaults) (?:continued|continue)\b|"
     r"\bfighting\s+(?:in|near|around|for|at|on\s+the\s+(?:outskirts|edges?|approaches)\s+of)\b|"
     # a line held against attacks: "marines are holding their positions around the village of Krynky"
     r"\b(?:hold(?:ing|s)?|held)\s+(?:on\s+to\s+)?(?:their|its|our)\s+(?:positions|ground|lines?|bridgehead|foothold)\s+"
     r"(?:in|near|around|at|on)\s+(?:the\s+(?:village|town|city|settlement|outskirts)\s+of\s+)?(?-i:[A-Z])|"
     # ... also with its day between: "were fighting on Tuesday to clear small groups of Russian soldiers"
     r"\b(?:fighting|fought)\s+(?:(?:on|late|early)\s+\w+\s+)?(?:to|for)\s+(?:push|drive|retake|recapture|hold|defend|clear|expel|"
     r"dislodge|oust|repel)\b|"
     # ongoing fighting told as news: "fighting continues at", "battles were taking place", "battles still raging"
     r"\b(?:fighting|battles?|clashes)[”\"’]?\s+(?:(?:has|have|had)\s+)?(?:continu\w*|(?:(?:is|are|was|were)\s+)?(?:still\s+)?(?:raging|taking place|under ?way|continuing|ongoing)|raged|rages|erupted|broke out|took place)\b|"
     r"\b(?:surrounded|encircled|besieged)\s+by\s+(?:the\s+)?(?:attacking\s+|advancing\s+)?(?:Russian|Ukrainian|enemy)\s+(?:forces|troops)\b|"
     # forces breaking into a town: "has broken into Sievierodonetsk" (not "broke into a house": a crime)
     r"\b(?:broke|broken|breaking)\s+into\s+(?:the\s+(?:city|town|village)\b|(?-i:[A-Z]))|"
     # a town encircled by the other side's forces: "claims to have encircled Sievierodonetsk"
     r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:encircled|surrounded)\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?-i:[A-Z])|"
     r"(?<=\band\s)(?:encircled|surrounded)\s+(?-i:[A-Z])|"
     # the other side's forces fought off: "repelled Russian forces", "pushing back the enemy", "pushed them back"
     rf"\brepel(?:led|ling|s)?\s+(?:{_FORCES})|"
     rf"\bpush(?:ed|es|ing)?\s+(?:back\s+(?:{_FORCES})|(?:(?:{_FORCES})|them)\s+back\b)|"
     # forces at a town's edge, the fighting there told by its force: "entered the outskirts", "the fighting as
     # 'very fierce'"
     r"\bentered\s+the\s+outskirts\b|\bfighting\s+as\s+[“\"]?(?:very\s+|extremely\s+)?(?:fierce|intense|heavy)\b|"
     # a ground attack told by where it went in: "attacking near the village of Tetkino"
     r"\b(?:attacked|attacking)\s+(?:near|around|in the (?:area|vicinity|direction) of)\s+(?:the\s+(?:village|town|settlement|city)\s+of\s+)?(?-i:[A-Z])|"
     r"\bstormed\b|\bambush(?:ed)?\b|\bsmall arms\b|\bgunfire\b|\bsniper fire\b|\bcounter-?offensive\b|"
     r"\bcounter-?attack(?:ed|s|ing)?\b|"
     r"\b(?:positional\s+|heavy\s+|fierce\s+)?battles?\s+(?:took place|continued|were fought|raged|broke out)\b|"
     r"\bpositional battles?\b|\bbattles\s+(?:in|for|near|around|over)\s+(?-i:[A-Z])|"
     r"\bbattle\s+(?:for|of)\s+(?-i:[A-Z])[\w’'-]+\s+(?:(?:has|had)\s+)?(?:continues|continued|rages|raged|goes on|went on|intensified)\b|"
     # an advance under way: "pushing west of X", "an offensive is under way to seize X", "advancing 10km"
     r"\b(?:were|was|are|is)\s+pushing\s+(?:west|east|north|south|deeper|further|toward|towards|into|on)\b|"
     r"\boffensive\s+(?:is|was)\s+(?:now\s+)?under\s?way\b|"
     r"\badvanc(?:ed|ing)\s+(?:about\s+|some\s+|nearly\s+|more than\s+|up to\s+)?\d+\s?(?:km|kilometres|kilometers|miles)\b"),
    # one side killing the other's soldiers, no weapon named: a clash (weak: after an event, its casualties)
    ("Battles", "Armed clash", None, 0.6,
     r"\bkilled (?:up to |about |at least |over |more than |some )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|"
     r"nine|ten|several|dozens of) (?:Ukrainian |Russian |enemy |DPR |LPR )(?:soldiers|servicemen|troops|fighters|"
     r"militants|marines|paratroopers)\b"),
    # fire in both directions is a clash, whatever the weapons (ACLED)
    ("Battles", "Armed clash", None, 0.9,
     r"\bexchanged (?:[\w-]+ ){0,2}(?:fire|strikes|attacks|shelling|blows)\b|\b(?:shelled|fired (?:at|on)) each other\b|"
     + FIRE_BACK),
    ("Battles", "Government regains territory", None, 0.92,
     r"\b(?:liberated|recaptured|retook|retaken|regained (?:the |full )?control|de-occupied|took back|taken back)\b|"
     # a place cleared of the enemy: "its units completely cleared the village of Kucheriv Yar of Russian infiltrators"
     r"\bcleared\s+(?:the\s+(?:village|town|settlement|city)\s+of\s+)?(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?"
     r"\s+(?:[^.;]{0,40}?\s)?of\s+(?:the\s+)?(?:Russian|enemy|occupying)\s+(?:[\w-]+\s+)?(?:forces|troops|infiltrators|soldiers|units|saboteurs|groups)\b|"
     # a place said to be held again: "the village was also back under Ukrainian control"
     r"\b(?:back|returned)\s+(?:under|to)\s+(?:Ukrainian|Ukraine's|Kyiv's)\s+control\b|"
     # forces driven out of places: "pushed Russian troops out of more than 20 settlements"
     r"\b(?:pushed|drove|driven|forced|expelled|ousted)\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:forces|troops|units)\s+"
     r"(?:back\s+)?out\s+of\b|"
     # a ministry's words: "the liberation of the town of Soledar was completed", "completed the capture of"
     r"\b(?:liberation|capture)\s+of\s+(?:the\s+(?:town|city|village|settlement)\s+of\s+)?(?-i:[A-Z])[\w’'-]+"
     r"(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+(?:was|has\s+been|had\s+been|is)\s+(?:now\s+|fully\s+)?completed\b|"
     r"\bcompleted\s+the\s+(?:liberation|capture)\s+of\b|"
     # ... or announced as a noun: "officials had announced the liberation of Blahodatne and Neskuchne"
     r"\b(?:announced|claimed|reported|confirmed|declared)\s+the\s+(?:full\s+)?(?:liberation|capture)\s+of\s+"
     r"(?:the\s+(?:town|city|village|settlement)s?\s+of\s+)?(?-i:[A-Z])"),
    # what is taken decides: people (an abduction), weapons (a seizure, disrupted use), property (land seizure),
    # positions (part of a clash), a place (territory)
    ("Violence against civilians", "Abduction/forced disappearance", None, 0.92,
     _ARMED + r"|partisans)\b[^.]{0,30}?"
     r"\b(?:captured|seized|took)\s+(?:an?|the|two|three|\d+|several)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:civilians?|residents?|wom[ae]n|m[ae]n|boys?|girls?|teenagers?|volunteers?|journalists?|priests?|officials?|"
     r"teachers?|doctors?|mayors?|heads?|activists?|employees?|drivers?|farmers?|workers?)\b"),
    ("Strategic developments", "Disrupted weapons use", None, 0.92,
     r"\bseized\s+(?:[\w-]+\s+){0,4}?(?:cache|weapons?|ammunition|arms|explosives)\b"),
    ("Strategic developments", "Looting/property destruction", None, 0.92,
     _ARMED + r"|occupation authorities)\b[^.]{0,30}?"
     r"\btook over\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,2}?(?:factory|plant|building|camp|house|farm|enterprise|property|"
     r"warehouse|hospital|school|territory of)\b"),
    ("Battles", "Non-state actor overtakes territory", None, 0.91,
     # a place is taken, not "a factory" or "some positions"
     r"\b(?:captured|seized|overran|overtook|took over)\b(?!\s+(?:some\s+|several\s+|\w+\s+)?positions)"
     r"(?!\s+(?:an?|his|her|their|its)\s)|"
     r"\b(?:(?:took|taking|gained|established|taken) (?:the |full )?control (?:of|over)|occupied the|"
     r"(?:took|taken) the (?:towns?|villages?|city|cities|settlements?|hamlets?) of|entered the (?:town|village|city)|"
     # ... the whole of it: 'Wagner units had taken "the entire territory" of Soledar'
     r"(?:took|taken|taking) (?:the |all of the )?(?:entire |whole )?territory of)\b|"
     # a side's flag over a place: "hoisted a Russian flag on the council building", "a tricolour flying above X"
     r"\b(?:hoisted|raised|planted|hung(?: up)?)\s+(?:a|the|their|its)\s+(?:Russian|Ukrainian|national|blue-and-yellow)\s+(?:flag|tricolou?r)\b|"
     # ... or soldiers pictured with it at a place's landmark: "posted photos of themselves with a Ukrainian flag in
     # front of the city council"
     r"\b(?:soldiers|troops|servicemen|paratroopers|marines|fighters|units)\b[^.;]{0,40}?"
     r"\b(?:posed|posing|pictured|photographed|filmed|photos?|videos?|selfies?)\b[^.;]{0,50}?\bwith\s+(?:a|the|their|its)\s+"
     r"(?:Russian|Ukrainian|blue-and-yellow)\s+(?:flag|tricolou?r)\s+(?:in\s+front\s+of|outside|at|on|over|above)\b|"
     # ... or a side's own flag over places: "Ukrainian troops raised their flag over a string of villages"
     r"\b(?:hoisted|raised|planted)\s+(?:their|its)\s+(?:flags?|tricolou?rs?)\s+(?:over|above)\b|"
     # forces taking a named place ("Russian forces took Hlyboke on Sunday"), or a place claimed as taken
     r"(?:(?<=troops )|(?<=forces )|(?<=units )|(?<=soldiers ))(?:had\s+|have\s+|has\s+)?took\s+(?-i:[A-Z])|"
     r"\bclaim(?:ed|ing|s)\s+(?:(?:full\s+)?control\s+of\s+)?the\s+(?:towns?|villages?|settlements?|city|hamlets?)\s+of\s+(?-i:[A-Z])|"
     # troops inside a place: "Balakliia, which Ukraine confirmed its troops had entered"
     r"(?:(?<=troops )|(?<=forces )|(?<=soldiers )|(?<=units )|(?<=unit ))(?:had\s+|have\s+|has\s+)?(?:also\s+|already\s+|now\s+)?(?:entered|rolled into|marched into|moved into)\b(?!\s+the\s+outskirts)|"
     r"(?:(?<=Russian )|(?<=Ukrainian ))(?:flag|tricolou?r)\s+(?:was\s+|being\s+)?(?:flying|raised|hoisted|planted)\s+(?:above|over|on)\b|"
     # an advance told as the share of a place now held: "now control more than two-thirds of the city of X"
     r"\bnow (?:controls?|holds?|occup(?:y|ies))\s+(?:about |around |some |nearly |almost |more than |over )?"
     r"(?:\d+ ?(?:%|per ?cent)|(?:two|three)[- ]thirds|half|most|the majority|much) of\b|"
     r"\bnow (?:control(?:s|led)?|h[eo]lds?|occupie[ds])\s+(?:everything|all of|the whole of|the entire)\b"),
    ("Violence against civilians", "Abduction/forced disappearance", None, 0.85,
     # ... told in the passive, by who took them: "was seized by armed men as he left", "was taken from their
     # home last Thursday by men in masks"
     r"\b(?:was|were|had\s+been|has\s+been)\s+(?:seized|taken(?:\s+away)?|grabbed|snatched|led\s+away)\b"
     r"[^.;]{0,50}?\bby\s+(?:(?:armed|masked|unknown|unidentified|Russian|uniformed)\s+){0,2}"
     r"(?:men|gunmen|soldiers|troops|servicemen|people)\b|"
     # ... or as taken from home: "soldiers came to the home of the activist and took him away"
     r"\b(?:soldiers|troops|servicemen|forces|men|gunmen)\b[^.;]{0,80}?\btook\s+(?:him|her|them)\s+(?:away|to\s+an\s+unknown)|"
     r"\babduct(?:ed|ion|s)\b|\bkidnapp(?:ed|ing)\b|\bforc(?:ibly|efully) (?:disappeared|deported|taken|relocated|transferred|removed)\b|\btaken to an unknown location\b"),
    ("Violence against civilians", "Sexual violence", None, 0.85, r"\braped?\b|\bsexual(?:ly)? (?:violence|assault)"),
    ("Violence against civilians", "Attack", "small arms", 0.75,
     r"\bshot dead\b|\bexecuted\b|\btortured\b|\bmurdered\b|\bshot (?:and killed )?(?:a|an|the|two|three|\d+) (?:local |elderly |unarmed )?"
     r"(?:civilians?|residents?|m[ae]n|wom[ae]n|teenagers?|boys?|girls?|volunteers?|drivers?|employees?)\b|"
     r"\b(?:was|were) shot (?:dead |and killed )?by\b|\bkilled (?:about |at least |up to |over |some )?(?:a|an|the|two|three|four|five|several|\d+) (?:local |elderly |unarmed )?(?:civilians?|residents?|employees?|volunteers?|people|persons|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?)\b|\bbeat(?:en)? (?:up|to death)\b|\b(?:shot|fired) (?:at|on) (?:a |the |several |\d+ )?(?:column of |group of )?(?:civilian|car|vehicle|resident|bus|evacuation|people)|\bbeheaded\b|"
     r"\bopened fire on (?:a |the )?(?:[\w-]+ )?(?:civilians?|cars?|vehicles?|residents?|evacuation|people)"),
    ("Strategic developments", "Arrests", None, 0.8,
     r"\barrest(?:ed|s)?\b(?!\s+warrants?)(?<!house arrest)|\bdetained\b|\bapprehended\b"),
    ("Strategic developments", "Looting/property destruction", None, 0.8,
     r"\bloot(?:ed|ing)\b|(?<!wreckage )(?<!debris )(?<!fragments )\bset (?:fire|on fire) to\b|\bburn(?:ed|t) down\b|\bvandali[sz]ed\b|\bransacked\b|\barson\b|\bsabotaged\b|"
     # sabotage without explosives: "a partisan group destroyed a railway control box"
     r"\b(?:partisans?|saboteurs?)\b[^.]{0,40}?\b(?:destroyed|damaged|disabled|burned)\s+(?:an?|the|two|several)\s+"
     r"(?:[\w-]+\s+){0,3}?(?:railway|rail|relay|control box|signal\w*|cars?|trucks?|vehicles?|equipment|towers?|cabinets?)\b"),
    ("Protests", "Peaceful protest", None, 0.8,
     # a protest by people, not a diplomatic one ("lodged a protest", "summoned the ambassador to protest")
     r"\bprotest(?:ed|ers|s|ing)?\b(?<!lodged a protest)(?<!formal protest)(?<!diplomatic protest)(?<!note of protest)(?<!strong protest)"
     r"(?<!to protest)(?<!in protest)|\brall(?:y|ied|ies)\b|\bdemonstrat(?:ions?|ors)\b|\bdemonstrated\s+(?:in|against|outside|near)\b|\bpicket(?:ed|s)?\b|\bgathered\b[^.]{0,60}\b(?:to demand|in support|against)"),
    ("Strategic developments", "Headquarters or base established", None, 0.7,
     r"\b(?:established|set up)\s+(?:a\s+|their\s+|its\s+)?(?:military\s+)?(?:base|headquarters|checkpoint|presence)"),
    ("Strategic developments", "Non-violent transfer of territory", None, 0.7,
     r"\bwithdr(?:ew|awn)\s+from\b|\bpulled\s+(?:(?:its|their|the|all)\s+)?(?:soldiers|troops|forces|units)\s+out\s+of\b|\bretreated from\b|\bdeparted from\b|\bleft (?:their|its) positions\b|\babandoned (?:their|its) positions\b|"
     # troops gone from a named place: "its troops had left Lyman", "its units had pulled out of Avdiivka"
     r"(?:(?<=troops )|(?<=forces )|(?<=units )|(?<=soldiers ))(?:had\s+|have\s+|has\s+)?(?:left|pulled\s+out\s+of)\s+(?-i:[A-Z])"),
    ("Strategic developments", "Other", None, 0.55,
     r"\b(?:troops|soldiers|forces|servicemen)\b[^.]{0,60}\b(?:deployed|transported|arrived|were sent|are now in|massing|redeployed)\b|"
     r"\bdeployed\b[^.]{0,40}\b(?:troops|soldiers|forces)\b|\bevacuated\b|\bDisplacement:"),
    # the harm told just before blamed on a weapon, or caused by its fragments: "They blamed a Ukrainian Tochka-U
    # missile", "the building had been hit by fragments of a missile" (the strike that did it)
    ("Explosions/Remote violence", "Air/drone strike", "drone", 0.65, _CAUSED_BY + r"drones?\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "missile", 0.65,
     _CAUSED_BY + r"(?:missiles?|rockets?)\b"),
    # a bare attack verb: remote violence whose weapon the text does not name
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0.5,
     r"\battack(?:ed|s)?\b|\bassault\b|\btargeted\b"),
]  # fmt: skip
RULES = [(et, st, w, s, re.compile(p, _W)) for et, st, w, s, p in _RULES]
_AIRCRAFT_DOWNED_RULE = 0  # the first rule: an aircraft shot down or destroyed
_RULE_PATTERNS = [Prefiltered(rule[-1]) for rule in RULES]

# Words that make a sentence about something other than an event that happened.
_HYPOTHETICAL = Prefiltered(
    re.compile(
        r"\b(?:would|could|might|(?-i:may)|should|will|plans? to|planning|intends?|prospect|(?<!under )threat(?:en(?:s|ed)?)?|warn(?:s|ed|ing)?|"
        r"urg(?:es|ed|ing)|call(?:s|ed)? (?:on|for)|permission|consider(?:s|ed)?|if they|if it|unless|^Until\s+(?:[\w-]+\s+){1,3}?(?:can|could|is able|are able|gets?|has|have)\b|seek|hypothetical|"
        r"capable of|ability to|can (?:now |easily |still |even )?(?:reach|hit|strike|target|fly|travel|destroy|kill|bring down|shoot down|intercept)|"
        r"prepares to|preparing (?:to|an?|another)\b|(?:has|have) been preparing for|ready to|within (?:reach|range) of|vow(?:s|ed)?|promis(?:es|ed)|pledg(?:e|es|ed|ing)|allow(?:s|ed)? to|cannot|can't|need(?:s|ed)? to|"
        r"eventual(?:ly)?|not possible|impossible|asked (?:(?:allies|partners|the \w+|\w+ allies)\s+)?for|request(?:ed|s)? for|donat(?:e|ed|es|ion|ions)|"
        r"weapons? (?:deliveries|supplies|shipments)|if and when|"
        r"(?:commentators|analysts|experts|observers|critics)\s+(?:believe|say|argue|think|suggest))\b",
        _W,
    )
)
# a purpose, or a result ("the bombing is so intense that the casualties cannot be assessed")
_PURPOSE = re.compile(
    r"\b(?:so that|in order to|so as to|so (?:\w+ )?(?:intense|heavy|fierce|severe|bad|great|many|much|dense)(?: \w+){0,3}? that)\b|"
    # ... or a comment added after it: 'said "the town was taken", adding that the capture would allow ...'
    r", (?:adding|saying|noting|stressing|arguing) (?:that )?"
)
# a time clause after the main one: "Russia has resumed attacks on Kyiv after warning that it planned to ..."
_AFTER_CLAUSE = re.compile(
    r"\s(?:after|despite|days after|hours after)\s+(?:\w+ing\b|it\b|they\b|the\b|a\b|an\b)"
)
_DEMAND = re.compile(r"(?:urg(?:es|ed|ing)|call(?:s|ed)? (?:on|for))", _W)
_BACKGROUND = Prefiltered(
    re.compile(
        r"\bsince (?:the (?:start|beginning)|the (?:full-scale|all-out)|all-out|the war|February 2022|(?:19|20)\d\d|World War)|"
        r"\b(?:months?|years?|weeks?|decades?) ago\b|\b(?:last|the previous) year\b|\b(?:a|one|two|three|four|several|few)\s+weeks?\s+(?:after|before|earlier)\b|\ba year (?:earlier|before)\b|\b(?:early|first|opening) (?:days?|weeks?|months?|stages?) of the (?:war|invasion|conflict)\b|"
        r"\bsince the first\b|\bin the (?:weeks|months|years) since\b|\bin (?:over|more than) (?:two|three|four|five|six|\d+) (?:weeks|months)\b|"
        r"\b(?:start|beginning|outbreak) of the (?:war|invasion|full-scale invasion)\b|\bmonths after\b|\byears after\b|\bfor (?:months|weeks|years)\b|"
        r"\bsince the war began\b|^(?:Ever )?[Ss]ince\b|"
        # ... or since an event named as a noun: "since Ukraine's withdrawal from Avdiivka", "since the fall of Bakhmut"
        r"\bsince\s+(?:the\s+|its\s+|their\s+|[A-Z]\w+['’]s\s+)(?:[\w-]+\s+)?(?:withdrawal|retreat|fall|capture|seizure|liberation|"
        r"annexation|occupation)\b|"
        # the start of a campaign as a time: "since Russia began using them", "when the offensive began"
        r"\b(?:since|when)\s+(?:it|they|Russia|Moscow|Ukraine|Kyiv|the\s+(?:war|invasion|offensive|counteroffensive|"
        r"full-scale invasion|campaign))\s+(?:first\s+)?(?:began|started|launched)\b|"
        # aid told around what happened before ("a further package of military support", "a request from Kyiv for
        # more shells") — with a day of the news window named, that day's event stands ("while Congress approved
        # an aid package, Moscow claimed on Saturday it had destroyed ...")
        r"\b(?:aid|support|assistance|military|weapons|security)\s+package\b|"
        r"\bpackage of (?:military |security )?(?:aid|support|assistance)\b|\brequest from \w+ for\b|"
        # a season or a month as the start of a period: "stockpiling missiles since the autumn"
        r"\bsince (?:the |last )?(?:autumn|spring|summer|winter|fall)\b|"
        # ... or a season or part of a year named with its year: "recaptured in the fall of 2022"
        r"\b(?:autumn|spring|summer|winter|fall|end|start|beginning|middle|first half|second half) of (?:19|20)\d\d\b|"
        # the past event a superlative is measured against: "the deadliest since 24 April, when 12 people were killed"
        r"\bsince [^,;.]{3,40},\s+when\b|"
        # an event of some days past, told as such: "The recent strike on Kryvyi Rih, which killed 20 people"
        r"\b(?:the|a) recent (?:[\w-]+ ){0,2}?(?:strikes?|attacks?|shelling|bombings?|barrages?|assaults?|raids?)\b|\bin (?:19|20)\d\d\b(?!.*\b(?:on|On) \d)|\b(?:go(?:es)?|went|dat(?:es|ing)|reach(?:es)?)\s+back\s+to\s+(?:19|20)\d\d\b|\bhistor(?:y|ic)\b|\bhas been waging\b|\bcampaign\b",
        _W,
    )
)
# words shared by the aggregate cues and the readings that look behind them (``_HABIT``, ``_PAST_DAY``)
_HABITUAL = (
    r"every (?:day|night|week|month)|each (?:day|night|week|month)|regularly|routinely|"
    # ... or the present simple of a side's acts: "Moscow says it intercepts most of the drones"
    r"(?:it|he|she)\s+(?:(?:only|usually|often|always|mostly|still)\s+)?"
    r"(?:intercepts|downs|shoots down|strikes|shells|attacks|hits|destroys|targets|bombs|fires at)"
)
_REPEATED = (
    r"(?:several|many|multiple|numerous) times|on (?:several|many|numerous) occasions|repeatedly|"
    # ... and a state under repeated attacks ("struggles under repeated drone strikes") — not a place that "came
    # under repeated missile attack" on the day the story tells
    r"(?<!came )(?<!come )(?<!comes )(?<!coming )(?:under|amid) repeated\b"
)
# what has gone on lately: "pushing them back over recent weeks" (with a day named, that day's event: "a city
# shelled in recent weeks was struck again on Monday")
_LATELY = r"(?:over|in|during|for) (?:the )?(?:recent|past|last) (?:few |several )?(?:week|weeks|months)"
_PAST_DAY_WORDS = r"over the (?:past|last) (?:day|24 hours)|in the (?:past|last) 24 hours"
_AGGREGATE = Prefiltered(
    re.compile(
        r"\b(?:as many(?!\s+(?:days|hours|nights|weeks))|as much|half as|twice as|in total|a total of \d+[^.]{0,30}\bsince|so far this (?:year|month)|"
        r"per (?:day|week|month)|on average|statistics|record number|month before|the previous month|"
        r"(?:interception|success|kill|hit) rate|"
        # a trend: "has struck a growing number of refineries", "has expanded its use of drones"
        r"an? (?:growing|increasing|rising|mounting) number of|more and more|(?:expanded|stepped up|increased) (?:its|their) use of|"
        # a roundup of many places: "Russian attacks across Ukraine killed seven civilians over the past day"
        rf"across (?:Ukraine|Russia|the country|(?:the |several |\w+ )?regions)|{_PAST_DAY_WORDS}|{_REPEATED}|"
        # a running total told as an ordinal: "downed its 200th Russian aircraft"
        r"\b(?:a|an|its|their|the)\s+\d+(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,3}?(?:aircraft|planes?|helicopters?|drones?|"
        r"missiles?|tanks?)\b(?!\s+(?:brigade|battalion|regiment|division|army|unit|corps|squadron))|"
        # habits and running totals: "every day", "has come under constant shelling", "so far" (a daily report
        # is not a habit of the event it reports: "said in his nightly video address")
        rf"{_HABITUAL}|(?:daily|nightly)(?! (?:video |intelligence )?(?:address|briefing|update|report|bulletin|message|statement))|"
        r"(?:under|subjected to|seen|faced|endured|suffered)\s+(?:\w+\s+)?(?:near-|almost\s+|nearly\s+)?constant|constantly|so far|to date|"
        r"over the (?:past|last) (?:few |several |two |three |four |five |six |seven |eight |nine |ten |\d+ )?(?:weeks|months|years)|throughout the war|"
        rf"{_LATELY}|"
        # places given as examples: "in places like Kramatorsk, where a missile killed dozens", "cities such as"
        r"\b(?:places|cities|towns|villages|regions)\s+(?:like|such as)\b|"
        # a season as a span: "over the summer as a whole"
        r"over the (?:summer|winter|spring|autumn|fall)\b|"
        # a share of a territory: "about 31% of the Kharkiv region's territory is occupied"
        r"(?<!now )\b(?:occupy|occupies|control|controls|hold|holds)\s+(?:about |around |some |nearly |almost )?\d+ ?(?:%|per ?cent) of|"
        r"\d+ ?(?:%|per ?cent) of (?:the )?(?:[\w’'-]+ ){0,3}?(?:territory|region|area|land|oblast)\b[^.]{0,20}?\b(?:is|are|remains?|was|were|(?:has|had) been))\b",
        _W,
    )
)
# a habit word: what happens again and again ("constant shelling", "every night") — not a count over many places
# or days, so a sentence that also names one day tells that day's event ("the attack took place at 6pm on
# Saturday and was followed by a constant barrage")
_HABIT = re.compile(rf"\b(?:{_HABITUAL}|constant(?:ly)?|{_REPEATED}|{_LATELY})\b", _W)


# the last day counted: one region's day when the sentence names one region, many places' when it spans more
_PAST_DAY = re.compile(rf"\b(?:{_PAST_DAY_WORDS})\b", _W)


def counts_the_past_day(sentence: str) -> bool:
    """The sentence reports the past day ("over the past day", "in the last 24 hours")."""
    return _PAST_DAY.search(sentence) is not None


def aggregate_only_by_the_past_day(sentence: str) -> bool:
    """The sentence is an aggregate only because it counts the past day ("Russian strikes on the Zaporizhzhia
    region killed two people over the past day")."""
    masked = _PAST_DAY.sub(lambda m: " " * len(m.group()), sentence)
    return masked != sentence and not _AGGREGATE.search(masked)


# where a sentence's second clause begins: ", and President Putin said the attack would ...", "; officials ..."
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while)\s+|;\s+")


def hypothetical_only_later(sentence: str) -> bool:
    """The sentence is hypothetical only in a clause after its first ("On Saturday, a strike on Belgorod killed
    20 people, and Putin said the attack would not go unpunished"): the first clause tells what happened."""
    brk = _NEXT_CLAUSE.search(sentence)
    return (
        brk is not None
        and not _HYPOTHETICAL.search(sentence[: brk.start()])
        and bool(_HYPOTHETICAL.search(sentence[brk.end() :]))
    )


def aggregate_only_by_habit(sentence: str) -> bool:
    """The sentence is an aggregate only because of a habit word (``_HABIT``)."""
    masked = _HABIT.sub(lambda m: " " * len(m.group()), sentence)
    return masked != sentence and not _AGGREGATE.search(masked)


# the circumstance a sentence's event happened in, told after it: ", with rescue impossible", "amid fears of",
# "due to constant shelling" (a phrase with a verb of its own after "with" is a clause: not this); and what the
# teller went on to say, quoted after the event (``_QUOTED_AFTER``)
_QUOTED_AFTER = re.compile(
    r"(?<=\w),\s+(?:tweeting|writing|posting|saying|adding)\s*:?\s*[“\"][^“\"]*[”\"]?\W*$"
)
_CIRCUMSTANCE = re.compile(
    r"(?<=\w),\s+(?:with|amid|amidst|despite|due to)\s[^,;:–—]*$|"
    # ... or a comment on what the event means: ", giving Moscow its biggest prize since the fall of Bakhmut last
    # spring", ", in what would be the most significant gain since ..."
    r"(?<=\w),\s+" + COMMENT_WORDS + r"\s[^;:–—]*$|"
    # ... or a noun phrase that ranks it: ", the biggest prize so far of a cross-border offensive"
    r"(?<=\w),\s+the (?:biggest|largest|greatest|most \w+|first|latest|deadliest|heaviest|worst)\s[^;:–—]*$|"
    + _QUOTED_AFTER.pattern
)


def quoted_after(sentence: str) -> int | None:
    """Where a quote the teller went on to give after the event begins (", tweeting: “The parade on 9 May will
    not take place”"): its tense and dates are the quote's, not the event's."""
    if "ing" not in sentence:
        return None
    m = _QUOTED_AFTER.search(sentence)
    return m.start() if m is not None else None


# "to hit" (intent) — but not "due to", "according to", "continued to fire" (it happened)
_INFINITIVE_BEFORE = re.compile(
    r"(?<!\bdue )(?<!according )(?<!thanks )(?<!prior )(?<!next )(?<!close )(?<!subjected )(?<!continued )"
    r"(?<!continue )(?<!continues )(?<!began )(?<!started )\b(?:to|cannot|not|never|would|could|will)\s+(?:\w+\s+)?$",
    _W,
)

# an event named as what somebody wants, not as what happened: "seeking the arrest of", "ordered the capture of"
_WANTED_BEFORE = re.compile(
    r"\b(?:seek|seeks|seeking|sought|demand|demands|demanding|demanded|ordered|orders|requested|warrant for)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|an?\s+)?$",
    _W,
)

# "appeared to have gained control", "is believed to have struck": it happened
_PERFECT_INFINITIVE = re.compile(r"\bto\s+have\s+(?:been\s+)?$", _W)
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# inside a clause of comparison that "since" opens, after the words it compares ("the deadliest attack since")
_SINCE_BEFORE = re.compile(
    r"\b(?:\w+est|first|most \w+|largest|biggest)\s+(?:[\w-]+\s+){0,3}?since\b[^,;:.()]*$", _W
)
# ... or of a clause opened by "since" after a state that has lasted ("had been relatively quiet since Ukrainian
# forces drove Russian troops out"; not a time: "since Monday", "since early May")
_SINCE_CLAUSE = re.compile(
    r"\b(?:has|have|had)\s+(?:been|remained|stayed|held)\b[^.;]{0,60}?\bsince\s+(?!(?:then|early|late|mid|last|this|that|dawn|midnight|noon|yesterday|the\s+(?:start|beginning|end|"
    r"morning|evening|night|weekend|war|invasion)|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\w+day|\d)\b)(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){1,2}(?:had\s+|have\s+|has\s+)?$",
    _W,
)
# the debris of a weapon described by what befell it, in a relative clause ("fragments of a missile that had been
# shot down"): what the debris hit is the attack, the downing a description of its weapon
_DEBRIS_OF_A = r"\b(?:fragments|debris|wreckage)\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
_WEAPON_THAT_WAS = (
    r"(?:missiles?|rockets?|drones?|UAVs?|Shaheds?)\s+that\s+(?:had\s+been|has\s+been|was|were)\s"
)
_DEBRIS_OF = re.compile(_DEBRIS_OF_A + "$", _W)
_WEAPON_DESCRIBED = re.compile(_DEBRIS_OF_A + _WEAPON_THAT_WAS + r"\s*$", _W)  # (before a downing word)
_DESCRIBED_WEAPON = re.compile(_WEAPON_THAT_WAS, _W)  # (a downing match that opens with the weapon)
# a taking told as a noun, with no one as its agent: "the liberation of the town of Soledar was completed"
TAKING_AS_A_NOUN = re.compile(r"(?:liberation|capture)\s+of\b", _W)
# a territory verb used as an adjective, or in a reduced relative clause about people or things
_TAKEN_AS_A_WORD = re.compile(r"\b(?:the|a|an|its|their|his|her|newly|recently|once)\s+$", _W)
_REDUCED_RELATIVE = re.compile(r"\s+(?:from|by)\b")
_WEAPON_BEFORE = re.compile(
    r"\b(?:drones?|missiles?|rockets?|shells?|aircraft|jets?|bombs?|UAVs?|Shaheds?)\b[^.]{0,25}$", _W
)
# people as the subject of a passive taking: prisoners, not a place ("two soldiers were captured")
_PEOPLE_TAKEN = re.compile(
    rf"\b(?:{PERSON_NOUNS})\s+(?:(?:had|have|has)\s+)?(?:been|were|was)\s+(?:also\s+|reportedly\s+)?$", _W
)
_AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are|had|has|have)\s+(?:\w+\s+)?$", _W)

# a weapon named on its own, and weapons moved or massed: a deployment, not an attack
_ARMS_WORD = re.compile(
    r"artillery|mortars?|MLRS|Grads?|Uragans?|Smerch(?:es)?|HIMARS|howitzers?|multiple (?:launch )?rocket", _W
)
# ... or the weapon naming a soldier's role or unit: "a mortar gunner", "an artillery officer"
_ROLE_AFTER = re.compile(
    r"\s+(?:gunners?|operators?|crews?|crewm[ae]n|commanders?|officers?|specialists?|instructors?|platoons?|"
    r"batter(?:y|ies)|brigades?|regiments?|battalions?|divisions?|school|academy|veterans?)\b",
    _W,
)
# aircraft destroyed where they stand: at an airfield, on the ground (the first rule's aircraft "destroyed" is a
# downing in the air otherwise)
_ON_THE_GROUND = re.compile(r"\b(?:airfields?|air ?bases?|aerodromes?|on the ground|parked|hangars?)\b")
# ... or the arms that back the units the sentence is about: "units, supported by army aviation and artillery, ..."
_IN_SUPPORT = re.compile(
    r"\b(?:supported|backed|assisted|covered)\s+by\s+(?:[\w-]+\s+){0,4}?(?:and\s+)?$", re.I
)
_MOVED_ABOUT = re.compile(
    # not a compound that describes the weapon: "fired U.S.-supplied HIMARS rockets"
    r"(?<!-)\b(?:muster(?:ing|ed)|mass(?:ing|ed)|amass(?:ing|ed)|build-?up|moved|moving|transferr(?:ing|ed)|"
    r"deploy(?:ing|ed|ment)|sent|sending|delivered|supplied|supplying|arriv(?:ing|ed)|shipments?)\b"
)

# the event told before, named again as the subject of "came ... after": "The strike came two days after the
# envoy met Putin in St Petersburg", "Sunday's attack comes as talks resume", "It came hours after ..." — what
# the sentence tells is the other thing, in the clause after
RETOLD_OPENING = re.compile(
    r"\s*(?:(?:The|This|That|These|Those|Its|Their|\w+day['’]s)\s+(?:[\w'’-]+\s+){0,4}?|It\s+|They\s+)"
    r"(?:also\s+)?(?P<came>came|comes)\s+(?:[\w-]+\s+){0,4}?(?:after|as|amid|on the heels)\b"
)
# an event named as a time or a memory, not told: "the anniversary of the battle for Stalingrad", "equipment
# captured during the fighting in Ukraine" (the war as a whole; "during heavy fighting" is news)
_NAMED_AS_PAST = re.compile(
    r"\b(?:anniversary|commemoration|memory|memorial) of (?:the )?(?:[\w-]+ ){0,4}$|\bduring the $", _W
)

# what people fled is the reason they left, not an event told: "Ukrainians who had fled fighting in the east"
# what people fled ("fleeing the shelling"): not the event the sentence tells; what they sheltered from
# ("civilians who hid at the school, sheltering from shelling"): their plight, the event only when the sentence
# tells no other
# what an action went on in spite of or among: "shipments have grown despite protests from farmers", "residents
# stayed amid heavy shelling" — a circumstance, not an event the sentence tells
_DESPITE_BEFORE = re.compile(
    r"\b(?:despite|amid|amidst|in\s+the\s+face\s+of)\s+(?:[\w-]+\s+){0,2}$|"
    # ... or what is to stop: "a moratorium on strikes on energy infrastructure", "a halt to attacks"
    r"\b(?:moratorium|ban|halt|pause|truce|ceasefire|end)\s+(?:on|to|in)\s+(?:[\w-]+\s+){0,2}$",
    _W,
)
_FLED_BEFORE = re.compile(r"\b(?:fled|flee|flees|fleeing|escaped|escaping|escape)\s+(?:the\s+)?$", _W)
_SHELTERED_BEFORE = re.compile(
    r"\b(?:shelter(?:ing|ed|s)?|hid(?:ing|e|es)?|refuge|cover)\s+from\s+(?:the\s+)?(?:\w+\s+)?$", _W
)

_AIRCRAFT_DOWNED = re.compile(_AIRCRAFT_DOWNED_PATTERN, _W)
# who downed it: an aircraft (air-to-air: ACLED codes an armed clash) or the ground (an attack)
_BY_AIRCRAFT = re.compile(
    r"\b(?:air forces?|aircrafts?|fighters?|fighter jets?|jets?|aviation|(?:MiG|Su)-\d+\w*)\b[^.]{0,60}?"
    r"\b(?:shot down|downed|destroyed)\b",
    _W,
)


def aircraft_downed(sentence: str) -> bool:
    return bool(_AIRCRAFT_DOWNED.search(sentence))


def tells_aircraft_downed(sentence: str, at: int) -> bool:
    """The event word at offset ``at`` is the shooting down of an aircraft ("shot down a Su-25")."""
    return any(m.start() <= at < m.end() for m in _AIRCRAFT_DOWNED.finditer(sentence))


def downed_by_aircraft(sentence: str) -> bool:
    """ "the Ukrainian air force shot down a Russian plane": an air-to-air engagement."""
    return bool(_BY_AIRCRAFT.search(sentence))


def _time_clause_at_the_end(low: str) -> re.Match | None:
    """A time clause that ends the sentence ("... after warning that it planned to ..."), not one the main
    clause follows ("after they were halted at the gates of Kyiv, Putin promised ...")."""
    if " after " not in low and " despite " not in low:
        return None
    m = _AFTER_CLAUSE.search(low)
    return m if m is not None and not re.search(r"[,;–—]", low[m.end() :]) else None


# what the event made impossible, or what cannot be known of it, is no possibility of the event itself: "a
# barrage that had made rescue attempts impossible", "it was impossible to determine casualties"
_MADE_BEFORE = re.compile(r"\b(?:made|makes|make|making|rendered|renders)\b[^.,;:]{0,40}$")
_TO_KNOW_AFTER = re.compile(r"\s+to\s+(?:determine|establish|count|verify|assess|say|know|confirm|tell)\b")


# the teller's disclaimer is no possibility of the event: "a claim that could not be independently verified",
# "Reuters could not immediately confirm the report"
_UNVERIFIED = re.compile(
    r"(?:could|can|cannot|can't)\s+(?:not\s+)?(?:be\s+)?(?:independently\s+|immediately\s+)*(?:verif|confirm)"
)


def _made_impossible(low: str, m: re.Match) -> bool:
    if m.group(0).lower() not in ("impossible", "not possible"):
        return False
    return bool(_MADE_BEFORE.search(low, 0, m.start()) or _TO_KNOW_AFTER.match(low, m.end()))


# a verbless appositive set off by commas, which describes the noun before it: "In eastern Ukraine, the focus of
# Russia's military campaign, nine civilians were killed"
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an)\s+(?![^,;:.]*\b(?:is|are|was|were|has|have|had|will|would|said|says)\b)[^,;:.“”\"]{1,60}?,|"
    # ... or a noun phrase with its relative clause at the sentence's end: "Explosions were reported in Ternopil and
    # Zhytomyr, cities that had seen relatively few attacks since the war began."
    r",\s+(?:[a-z][\w-]*\s+){0,3}?(?:cities|towns|villages|city|town|village|regions?|areas?|places?|ports?)\s+"
    r"(?:that|which|where)\b[^;:“”\"]*$"
)


def _describes_a_noun(sentence: str, cue: re.Match) -> bool:
    """The background word lies in an appositive that describes a noun, and no other background word is told:
    what a place is known for is no time of the event the sentence tells."""
    for a in _APPOSITIVE.finditer(sentence):
        if a.start() <= cue.start() and cue.end() <= a.end():
            rest = sentence[: a.start()] + " " * (a.end() - a.start()) + sentence[a.end() :]
            # ... and the event is told outside it ("in Kursk, a region where Ukrainian troops invaded last year"
            # tells its invasion in the description: background)
            return _BACKGROUND.search(rest, rest.lower()) is None and bool(find_triggers(rest))
    return False


def is_non_event(sentence: str, lowered: str | None = None) -> str | None:
    """Why a sentence does not report an event, or None. Explicit OSCE/observer counts are not aggregates."""
    low = sentence.lower() if lowered is None else lowered
    circumstance = (
        _CIRCUMSTANCE.search(low)
        if ", with " in low
        or ", amid" in low
        or ", despite " in low
        or ", due to " in low
        or "ing: " in low
        or ", giving " in low
        or ", handing " in low
        or ", marking " in low
        or ", in what " in low
        or ", the " in low
        else None
    )
    if circumstance is not None and low.count(" ", 0, circumstance.start()) >= 4:
        # "a school took a direct hit, with rescue said to be impossible due to constant shelling": what the
        # circumstance says (a habit, a possibility) is not said of the main clause's event
        sentence, low = sentence[: circumstance.start()], low[: circumstance.start()]
    if ", which " in low or ", where " in low:
        # "In Okhtyrka, which has come under fire almost daily since the first days of the invasion, Russian troops
        # fired Grad rockets at the town on Tuesday": what an aside says of a place is not said of the event told
        # around it
        bare = without_asides_about_names(sentence)
        if bare != sentence and find_triggers(bare):
            sentence, low = bare, bare.lower()
    if _AGGREGATE.search(sentence, low) and "observed" not in sentence:
        return "aggregate"
    if (bg := _BACKGROUND.search(sentence, low)) and not _describes_a_noun(sentence, bg):
        return "background"
    purpose = _PURPOSE.search(low) or _time_clause_at_the_end(low)
    if purpose and purpose.start() > 0:
        # "... shot a resident because he did not give his phone so that he could call home", "resumed attacks
        # after warning that it planned to": the modal verb of a purpose or time clause says nothing about
        # whether the main clause happened
        sentence, low = sentence[: purpose.start()], low[: purpose.start()]
    m = next(
        (
            x
            for x in _HYPOTHETICAL.finditer(sentence, low)
            if not _made_impossible(low, x) and not _UNVERIFIED.match(low, x.start())
        ),
        None,
    )
    if m:
        # what protesters do ("rallied to call for the release of ...") is not a hypothetical
        if _DEMAND.fullmatch(m.group(0)) and not any(
            not _DEMAND.fullmatch(x.group(0)) for x in _HYPOTHETICAL.finditer(sentence, low)
        ):
            return "demand"
        return "hypothetical"
    return None


_SCARE_QUOTES = ('"', "“", "”")


def find_triggers(sentence: str, lowered: str | None = None) -> list[Trigger]:
    """All trigger matches, most specific first; a trigger right after "to"/"cannot" (intent) is skipped. Double
    quotation marks inside a phrase do not break it ('had taken "full control" of the city'): the words are read
    without them and the offsets given in the sentence as written."""
    if not any(q in sentence for q in _SCARE_QUOTES):
        return _find_triggers(sentence, lowered)
    keep = [i for i, c in enumerate(sentence) if c not in _SCARE_QUOTES]
    bare = "".join(sentence[i] for i in keep)
    return [
        replace(t, start=keep[t.start], end=keep[t.end - 1] + 1) for t in _find_triggers(bare, bare.lower())
    ]


def _find_triggers(sentence: str, lowered: str | None = None) -> list[Trigger]:
    out: list[Trigger] = []
    plight: list[Trigger] = []  # what people sheltered from: the event only when nothing else is told
    low = sentence.lower() if lowered is None else lowered
    retold = RETOLD_OPENING.match(sentence) if " came " in low or " comes " in low else None
    for rule_index, ((et, st, weapon, strength, _), pattern) in enumerate(
        zip(RULES, _RULE_PATTERNS, strict=True)
    ):
        for m in pattern.finditer(sentence, low):  # nothing runs for a rule none of whose words occur
            before = sentence[max(0, m.start() - 25) : m.start()]
            if _INFINITIVE_BEFORE.search(before) and not _PERFECT_INFINITIVE.search(before):
                continue
            if _WANTED_BEFORE.search(before):
                continue
            if _FLED_BEFORE.search(before) or _DESPITE_BEFORE.search(before):
                continue
            if _SHELTERED_BEFORE.search(before):
                plight.append(Trigger(et, st, weapon, m.start(), m.end(), strength))
                continue
            if st == "Disrupted weapons use" and (
                _WEAPON_DESCRIBED.search(sentence, max(0, m.start() - 90), m.start())
                or _DESCRIBED_WEAPON.match(sentence, m.start())
                and _DEBRIS_OF.search(sentence, max(0, m.start() - 60), m.start())
            ):
                continue  # "hit by fragments of a Ukrainian missile that had been shot down": the debris's strike
            if _SINCE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) or _SINCE_CLAUSE.search(
                sentence, max(0, m.start() - 120), m.start()
            ):
                # "its biggest gain since it seized Bakhmut in May", "an area quiet since Ukrainian forces drove
                # Russian troops out": the yardstick, not the news
                continue
            if retold is not None and m.start() < retold.start("came"):
                continue  # "The strike came hours after ...": the event told before, named again
            if _NAMED_AS_PAST.search(sentence, max(0, m.start() - 60), m.start()):
                continue  # "the anniversary of the end of the bitter battle for Stalingrad", "during the fighting"
            if (
                st == "Armed clash"
                and m.group(0).lower().startswith("attack")
                and _WEAPON_BEFORE.search(before)
            ):
                continue  # "drones attacked near Odesa": a strike, told by its weapon
            if _ARMS_WORD.fullmatch(m.group(0)) and _ROLE_AFTER.match(sentence, m.end()):
                continue  # "her son, a mortar gunner who was killed": a soldier's role, no strike
            if (
                rule_index == _AIRCRAFT_DOWNED_RULE
                and m.group(0).startswith("destroyed")
                and _ON_THE_GROUND.search(low)
            ):
                continue  # "drones attacked the airfield ... and destroyed several Il-76 aircraft": struck, not downed
            if _ARMS_WORD.fullmatch(m.group(0)) and _IN_SUPPORT.search(
                sentence, max(0, m.start() - 60), m.start()
            ):
                continue  # "units, supported by army aviation and artillery, thwarted attacks": support, not the event
            if _ARMS_WORD.fullmatch(m.group(0)) and _MOVED_ABOUT.search(
                low, max(0, m.start() - 40), m.end() + 60
            ):
                continue  # "artillery and rocket launchers mustering near Kursk": weapons moved, none fired
            if (
                st in _TERRITORY
                and not TAKING_AS_A_NOUN.match(m.group(0))  # "the liberation of X was completed" is told
                and _TAKEN_AS_A_WORD.search(sentence, max(0, m.start() - 25), m.start())
            ):
                continue  # "the captured city of Mariupol", "recently liberated villages": a description
            if st in _TERRITORY and _PEOPLE_TAKEN.search(sentence, max(0, m.start() - 60), m.start()):
                continue  # "some soldiers had been captured": prisoners taken, no place changing hands
            if (
                st in _TERRITORY
                and _REDUCED_RELATIVE.match(sentence, m.end())
                and not _AUXILIARY.search(before)
            ):
                continue  # "soldiers captured by Russian forces", "equipment captured from Kyiv's forces"
            out.append(Trigger(et, st, weapon, m.start(), m.end(), strength))
    out = out or plight
    out.sort(key=lambda t: (-t.strength, t.start))
    return out
