/* The ACTIP's key obligations (actip.h), summarised in our own words. */
#include "workplan/actip.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const actip_obligation actip_obligations[] = {
	{1, 0, "1", "Purpose: prevent and fight trafficking with special care for women and "
		 "children, punish traffickers justly, protect and help victims with full "
		 "respect for their rights, and cooperate to these ends."},
	{5, 0, "5", "Make trafficking in persons, as the Convention defines it, a crime, with "
		 "heavier penalties where the victim is vulnerable, is badly hurt or dies, or "
		 "where a public official commits it."},
	{8, 9, "8, 9", "Make bribery linked to trafficking, and the intimidation of witnesses "
		    "or officials, crimes."},
	{14, 0, "14(1), 14(2)", "Set national procedures to identify victims properly, and "
			     "accept other States Parties' identification of them."},
	{14, 0, "14(4)", "Consider letting victims stay, for a time or for good, on humane "
		      "and compassionate grounds."},
	{14, 0, "14(5)", "Keep victims physically safe while they are in the country."},
	{14, 0, "14(6)", "Protect victims' privacy and identity as far as national law allows."},
	{14, 0, "14(7)", "Consider not punishing victims for unlawful acts that follow "
		      "directly from their being trafficked."},
	{14, 0, "14(8)", "Do not keep victims in detention or prison without good reason."},
	{14, 0, "14(10), 14(11)", "Care for and support victims (shelter, counselling and "
			       "information, medical, psychological and material help, work, "
			       "schooling and training) and fund that care."},
	{14, 0, "14(13)", "Make it possible in law for victims to be compensated for the harm "
		       "done to them."},
	{15, 0, "15", "As country of origin, confirm a victim's nationality, issue papers and "
		   "take the victim back without delay, safely and mindful of any court case; "
		   "countries of origin and destination agree on how returns are made."},
	{16, 0, "16(1), 16(6)", "Give police and prosecutors the skills and knowledge they need, "
			     "victim protection included, and train them for it."},
	{16, 0, "16(5)", "Work together so that victim-witnesses may choose to go back to the "
		      "country of destination to give evidence or otherwise help."},
	{16, 0, "16(7)", "Shield victim-witnesses from threats and harassment, and punish it."},
	{18, 0, "18", "Give one another the fullest mutual legal assistance, under the ASEAN "
		   "Mutual Legal Assistance Treaty."},
	{19, 0, "19", "Treat every trafficking offence as one for which people can be "
		   "extradited, in national law and treaties, and act on extradition requests."},
	{20, 0, "20", "Cooperate between law enforcement agencies, exchanging information and "
		   "answering requests, and work together to confiscate what crime earns."},
	{0, 0, NULL, NULL},
};

/* Reads "14" or "14(6)" (actip.h). */
int actip_article_ref(const char *s, int *article, char *para, size_t size)
{
	char *end = NULL;
	long n = strtol(s, &end, 10);
	if (end == s || n < 1 || n > ACTIP_ARTICLES || !isdigit((unsigned char)s[0]))
		return -1;
	*article = (int)n;
	para[0] = '\0';
	if (!*end)
		return 0;
	size_t len = strcspn(end + 1, ")");
	if (*end != '(' || len == 0 || len >= size || end[1 + len] != ')' || end[2 + len])
		return -1;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)end[1 + i]))
			return -1;
	memcpy(para, end + 1, len);
	para[len] = '\0';
	return 0;
}
