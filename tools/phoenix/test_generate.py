"""Tests of the Phoenix dictionary parsing: python3 -m unittest discover tools/phoenix (standard library only)."""
import os
import tempfile
import unittest

import generate


class ActorParsing(unittest.TestCase):
    def test_synonyms_ranges_and_default_code(self):
        lines = ["# header\n", "VLADIMIR_PUTIN_  # CountryInfo.txt\n", "+PRESIDENT_PUTIN_\n",
                 "\t[RUSELI 700101-990809]\n", "\t[RUSGOV >080508]\n", "\t[RUSELI]\n",
                 "HAMAS [PSEREBHMS] # comment\n", "+ISLAMIC_RESISTANCE_MOVEMENT\n"]
        e = generate.parse_actors(lines)
        self.assertEqual(2, len(e))
        self.assertEqual(["VLADIMIR_PUTIN_", "PRESIDENT_PUTIN_"], [n.strip() for n in e[0].names])
        self.assertEqual(["RUSELI@19700101-19990809", "RUSGOV@20080508-", "RUSELI"], e[0].codes)
        self.assertEqual(["PSEREBHMS"], e[1].codes)

    def test_primaries_without_codes_share_the_restrictions_that_follow(self):
        e = generate.parse_actors(["ABDUL_QADIR_\n", "NUR_TARAKI_\n", "\t[AFGGOV 780427-780430]\n", "NEXT_ONE [USAGOV <990101]\n"])
        self.assertEqual(2, len(e))
        self.assertEqual(2, len(e[0].names))
        self.assertEqual(["USAGOV@-19990101"], e[1].codes)

    def test_dates_and_malformed_restrictions(self):
        self.assertEqual("20030804", generate.parse_date("030804"))
        self.assertEqual("19780101", generate.parse_date("780101"))
        self.assertIsNone(generate.parse_restriction("ARMUNR 9008223-911221"))
        self.assertEqual("EGYGOV@20140608-", generate.parse_restriction("EGYGOV > 140608"))

    def test_places_are_left_to_the_gazetteer(self):
        e = generate.parse_actors(["AFGHANISTAN_ [AFG]\n", "+KABUL_\n"])
        self.assertTrue(generate.is_place(e[0]))

    def test_fold(self):
        self.assertEqual("vladimir v putin", generate.fold("VLADIMIR_V._PUTIN_"))
        self.assertEqual("islamic army of aden", generate.fold("ISLAMIC_ARMY_OF_ADEN_(IAA)_"))


class AgentParsing(unittest.TestCase):
    def test_substitutions_plurals_and_codes(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "Phoenix.agents.txt"), "w") as f:
                f.write("!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\n"
                        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nHUMAN_RIGHTS_BODY  [NGO~] # x\n")
            generate.write_agents(d, d)
            rows = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(d, "agents.tsv")) if not l.startswith("#"))
        self.assertEqual({"congressman": "LEG", "congresswoman": "LEG", "police": "COP", "attorney general": "GOVATG",
                          "attorneys general": "GOVATG", "human rights body": "NGO"}, rows)


if __name__ == "__main__":
    unittest.main()
