"""Hand-written keyword lexicons for topic classification and free tags.

General news vocabulary per IPTC Media Topics top-level category, written from domain
knowledge (no corpus-derived word lists). Entries are comma-separated words or phrases in
base form; `topics` folds plurals and possessives, so "election" also matches "elections".
Each category lists three strengths: defining terms (3), clear signals (2) and weak or
ambiguous ones (1).
"""

from __future__ import annotations

from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """A whitespace-separated word list as a set (keeps long lists readable in source)."""
    return frozenset(text.split())


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A lower-case word with possessive and plural folded, the way lexicon entries are matched:
    "elections" -> "election", "party's" -> "party", "companies" -> "company"; "politics" stays.

    Cached: news vocabulary repeats, and summary and topics fold every word of an article.
    """
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    elif word.endswith(("'", "\u2019")):
        word = word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    said says say told new one two three last first next many much may might must still yet however
    since per cent year years month week day time people mr mrs ms"""
)
"""Function words and news filler, ignored when scoring sentences and picking tag phrases."""

NOT_PERSON_WORDS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december north south east west northern southern eastern
    western new san los las hong sri saudi united kingdom states republic korea korean japan japanese
    africa african america american zealand arabia ireland irish island islands city county street
    road house party union council ministry department office court bank group league cup club
    university college school hospital association federation committee commission agency service
    services company corporation inc ltd plc airlines motors news times post journal radio television
    tv festival awards award prize championship championships olympic olympics games open grand prix
    stadium park square bridge temple church site internet windows democrats democrat republicans
    republican conservatives conservative tories tory labour liberal green lords commons parliament
    congress senate assembly government chambers commerce industry trade exchange market fund trust
    institute centre center foundation society network systems technologies software peninsula
    european europe british britain english scotland scottish wales welsh french german chinese
    russian indian uk us eu un bbc itv nhs world international national royal federal central nations
    series trophy masters slam tour indoor securities capital holdings partners investments one two
    three four five six seven eight nine ten prison hall castle palace airport station tower abbey
    cathedral museum gallery theatre hotel arena valley river lake mountain island street avenue"""
)
"""Capitalised words that never make a person's name: calendar, places, organisations, events."""

TITLE_WORDS = word_set(
    """president prime minister chancellor secretary chairman chairwoman chair chief executive director
    senator governor judge coach manager captain foreign home shadow deputy general leader spokesman
    spokeswoman ambassador mayor commissioner inspector officer superintendent boss striker
    midfielder defender goalkeeper star champion then-prime then-president former vice mp state"""
)
"""Role words written before a name ("Prime Minister Tony Blair", "striker Wayne Rooney")."""

CATEGORY_TERMS: dict[str, tuple[str, str, str]] = {
    "arts, culture, entertainment and media": (
        """film, movie, cinema, box office, actor, actress, oscar, academy award, bafta, golden globe,
        hollywood, bollywood, film festival, screenplay, sequel, documentary, sitcom, soap opera,
        album, singer, songwriter, band, pop star, rock band, rapper, hip-hop, grammy, brit award,
        music industry, record label, chart, top 10, number one single, theatre, west end, broadway,
        opera, ballet, orchestra, novel, novelist, author, booker prize, poet, poetry, gallery,
        exhibition, painting, sculpture, artist, museum, celebrity, comedian, tv show, tv series,
        television series, reality show, reality tv, talent show, emmy, director's cut, box-office,
        blockbuster, entertainment, animation, animated film, film-maker, filmmaker, musical, concert,
        eurovision, rock star, pop music, rock music, soundtrack, screen actor, starring""",
        """star, starred, stars in, role, cast, premiere, studio, nomination, nominated, nominee,
        ceremony, red carpet, song, lyrics, music, musician, gig, tour date, festival, dancer, dance,
        drama, comedy, thriller, horror, script, screen, stage, play, playwright, producer, composer,
        dj, radio station, radio show, presenter, broadcaster, channel, episode, viewers, ratings,
        audience, critics, review, book, publisher, publishing, literary, literature, art, arts,
        culture, cultural, auction, fans, dvd, video release, mtv, itv, bbc one, bbc two, channel 4,
        sky one, record deal, singles chart, album chart, writer, character, heritage, costume""",
        """show, series, award, prize, hit, release, released, single, record, label, video, magazine,
        newspaper, media, tv, television, radio, press, editor, journalist, story, celebrate, famous,
        career, stars, starring role, entertain, comic, cartoon, photograph, photographer, fashion""",
    ),
    "conflict, war and peace": (
        """war, warfare, civil war, military, troops, soldier, army, armed forces, insurgent,
        insurgency, militant, militia, rebel, guerrilla, ceasefire, peace talks, peace process,
        peacekeeper, peacekeeping, airstrike, air strike, shelling, bombing, suicide bomber,
        invasion, occupation, battlefield, weapons of mass destruction, nuclear weapon, missile,
        warship, navy, air force, genocide, war crime, hostage, al-qaeda, taliban, coup, combat""",
        """attack, attacked, bomb, explosion, killed, fighting, clashes, gunmen, weapon, arms,
        defence, defense, pentagon, ministry of defence, security forces, conflict, violence, terror,
        terrorist, terrorism, captured, kidnapped, refugee, casualties, wounded, front line, raid""",
        """security, forces, peace, threat, crisis, tension, strike, nuclear, offensive, border""",
    ),
    "crime, law and justice": (
        """police, court, trial, jury, judge, prosecutor, prosecution, convicted, conviction, guilty,
        acquitted, sentenced, jailed, prison, prisoner, murder, manslaughter, robbery, burglary,
        theft, fraud, crime, criminal, arrested, arrest, detective, suspect, lawsuit, sued, suing,
        high court, supreme court, court of appeal, crown court, magistrate, verdict, bail,
        custody, offence, offender, attorney, injunction, inquest, coroner, indictment, charged with""",
        """lawyer, solicitor, barrister, legal, illegal, law, judicial, justice, ruling, ruled,
        appeal, damages, settlement, investigation, investigator, allegation, alleged, accused,
        victim, drug dealer, trafficking, smuggling, assault, abuse, rape, stolen, fine, fined,
        penalty, piracy, counterfeit, copyright infringement, human rights, civil liberties, warrant""",
        """case, charge, claim, probe, inquiry, evidence, witness, rights, banned, ban, regulation""",
    ),
    "disaster, accident and emergency incident": (
        """earthquake, tsunami, hurricane, cyclone, typhoon, tornado, flood, flooding, landslide,
        avalanche, volcano, eruption, natural disaster, plane crash, air crash, train crash, derailed,
        shipwreck, capsized, death toll, rescue worker, emergency services, survivors, wildfire""",
        """disaster, crash, crashed, accident, collapse, fire, blaze, explosion, emergency, rescue,
        evacuated, evacuation, relief effort, aid agencies, casualties, injured, killed, dead, missing,
        devastation, devastated, destroyed, famine, drought, firefighters""",
        """aid, damage, victim, tragedy, disaster relief, warning""",
    ),
    "economy, business and finance": (
        """economy, economic, economist, gdp, gross domestic product, inflation, interest rate,
        central bank, federal reserve, bank of england, european central bank, recession, stock market,
        stock exchange, share price, shareholder, investor, dividend, profit, pre-tax profit,
        revenue, turnover, earnings, quarterly, fiscal, monetary policy, trade deficit, current account,
        budget deficit, exports, imports, exporter, tariff, merger, acquisition, takeover, buyout,
        bankruptcy, bankrupt, insolvency, ftse, dow jones, nasdaq, nikkei, dax, bond, bonds,
        imf, world bank, wto, opec, oil price, crude oil, barrel, currency, exchange rate, dollar,
        euro, yen, sterling, retail sales, retailer, consumer spending, housing market, house price,
        mortgage, chief executive, ceo, chief financial officer, private equity, hedge fund,
        stake, flotation, stock, equity, valuation, analyst, trading, trader, commodity, airline,
        carmaker, manufacturing, manufacturer, finance, financial, business, company, companies, firm,
        corporate, industry, output, market share, growth rate, rate rise, rate cut, consumer,
        investment, investing, debt, loan, lending, credit, bank, banking, insurer, insurance""",
        """market, markets, shares, sales, price, prices, cost, costs, spending, tax, taxes, vat,
        budget, deficit, surplus, deal, bid, offer, customer, brand, store, supermarket, chain, retail,
        factory, plant, production, supply, demand, oil, gas, energy, steel, telecoms operator, fund,
        pension fund, accounts, accounting, audit, regulator, competition, antitrust, forecast,
        quarter, annual, results, figures, growth, slowdown, recovery, boom, subsidiary, unit, division,
        restructuring, cost-cutting, job cuts, layoffs, billion, bn, cents, pence, per share""",
        """money, pay, paid, sell, sold, buy, bought, cheap, expensive, rise, fell, fall, rose, high, low,
        million, owner, owned, board, chairman, boss, executive, trade, deals, shop, shops, product,
        products, goods, services, jobs, owner, contract, agreement, partnership""",
    ),
    "education": (
        """school, pupil, teacher, headteacher, head teacher, classroom, curriculum, gcse, a-level,
        exam, examination, university, universities, undergraduate, tuition fee, student, lecturer,
        professor, ofsted, education, educational, primary school, secondary school, nursery,
        literacy, numeracy, higher education, further education, degree course, graduate""",
        """college, teaching, lesson, learning, academic, campus, scholarship, degree, grade, course,
        training, qualification, schooling, children's education, class size""",
        """class, study, learn, young people, skills""",
    ),
    "environment": (
        """environment, environmental, climate change, global warming, greenhouse gas, carbon dioxide,
        emissions, carbon emissions, pollution, kyoto, kyoto protocol, renewable energy, wind farm,
        solar power, recycling, conservation, endangered species, biodiversity, deforestation,
        ecosystem, environmentalist, greenpeace, friends of the earth, fossil fuel, ozone layer""",
        """climate, carbon, pollutant, polluting, renewable, sustainable, sustainability, wildlife,
        habitat, species, forest, rainforest, waste, landfill, clean energy, green energy""",
        """green, nature, natural, planet, energy efficiency""",
    ),
    "health": (
        """health, healthcare, nhs, hospital, doctor, nurse, patient, disease, illness, cancer,
        heart disease, diabetes, obesity, flu, bird flu, hiv, vaccine, vaccination, medicine,
        medical, treatment, surgery, surgeon, clinic, gp, mental health, epidemic, pandemic,
        infection, symptom, diagnosis, diagnosed, therapy, health service, public health, dementia,
        transplant, pharmaceutical, drug company, prescription, smoking, alzheimer's""",
        """drug, drugs, care, healthy, diet, fitness, virus, outbreak, death rate, life expectancy,
        alcohol, smoker, clinical, trial of, researchers found, blood, brain, pregnant, pregnancy""",
        """study, research, risk, condition, body, sick, ill, medical records""",
    ),
    "human interest": (
        """animal, pet, dog, cat, zoo, centenarian, oldest, birthday, royal family, royal wedding,
        lottery winner, bizarre, quirky, heartwarming, reunited""",
        """royal, queen, prince, princess, wedding, anniversary, couple, love, hero, charity event""",
        """family, life, story""",
    ),
    "labour": (
        """trade union, union member, union leader, strike, strikes, striking, walkout, industrial action,
        picket, workforce, employee, employer, employment, unemployment, jobless, redundancy, redundancies,
        minimum wage, pay rise, wage, wages, working hours, overtime, maternity leave, maternity pay,
        paternity leave, retirement age, tuc, collective bargaining, workplace, labour market""",
        """worker, workers, staff, job, jobs, recruitment, pension, pensions, retirement, payroll,
        layoff, job losses, job cuts, pay deal, salary, salaries, contract staff""",
        """work, working, pay, hire, hired, fired, sacked""",
    ),
    "lifestyle and leisure": (
        """travel, tourism, tourist, holiday, hotel, restaurant, food, cooking, chef, recipe,
        fashion, fashion designer, wine, leisure, hobby, gardening, shopping, nightlife, cuisine""",
        """holidaymaker, resort, beach, cruise, pub, pubs, beer, designer, beauty, cosmetic, diet,
        lifestyle, dating, gourmet, christmas shopping""",
        """fun, enjoy, weekend, christmas, summer""",
    ),
    "politics": (
        """government, minister, prime minister, president, parliament, parliamentary, mp, mps,
        commons, house of commons, house of lords, peer, election, general election, by-election,
        vote, voter, voting, ballot, poll, polls, campaign, campaigning, political party, labour party,
        conservative, conservatives, tory, tories, liberal democrat, lib dem, lib dems, democrat,
        republican, opposition, cabinet, home secretary, foreign secretary, chancellor, shadow,
        backbench, backbencher, manifesto, coalition, diplomacy, diplomatic, diplomat, summit,
        treaty, embassy, ambassador, foreign minister, foreign policy, sanctions, united nations,
        nato, european union, european commission, eu, senate, senator, congress, congressman,
        white house, downing street, whitehall, referendum, constitution, constitutional,
        legislation, bill, lawmaker, legislature, lower house, upper house, parliament dissolved,
        dissolve, snap election, ruling party, politics, political, politician, prime ministerial,
        presidential, presidency, administration, devolution, scottish parliament, welsh assembly,
        national assembly, mayor, governor, candidate, constituency, electoral, democracy, party leader,
        spin doctor, whip, speaker, question time, cabinet minister, secretary of state, ukip, snp""",
        """policy, policies, reform, leader, leadership, party, labour, tory party, council, state,
        officials, ministry, department, bilateral, talks, relations, alliance, cooperation, agreement,
        visit, visited, talk, regime, dictator, opposition party, seat, seats, majority, campaigner,
        public services, id card, immigration, asylum, civil service, spokesman for, spokeswoman for""",
        """official, leaders, country, countries, nation, national, public, plan, plans, proposal,
        proposals, announce, announced, debate, critics, row, pledge, promised""",
    ),
    "religion": (
        """religion, religious, church, faith, christian, muslim, islam, islamic, jewish, judaism,
        hindu, buddhist, buddhism, pope, vatican, bishop, archbishop, priest, clergy, mosque,
        synagogue, bible, koran, prayer, worship, catholic, protestant, anglican, sikh, blasphemy,
        imam, cardinal, theology, pilgrimage""",
        """god, spiritual, belief, believer, temple, cathedral, saint, holy, sermon, monk, nun""",
        """moral, tradition, traditional""",
    ),
    "science and technology": (
        """technology, tech, computer, computing, software, hardware, internet, online, web, website,
        broadband, e-mail, email, spam, computer virus, hacker, hacking, spyware, phishing, malware,
        firewall, browser, search engine, google, microsoft, apple, ibm, intel, yahoo, ebay,
        mobile phone, mobile, handset, smartphone, 3g, wireless, wi-fi, wifi, bluetooth, gadget,
        device, digital, video game, games console, console, gaming, gamer, playstation, xbox,
        nintendo, pc, laptop, chip, processor, semiconductor, database, network, user, download,
        downloading, file-sharing, file sharing, peer-to-peer, p2p, ipod, mp3, podcast, podcasting,
        blog, blogger, robot, robotics, artificial intelligence, science, scientist, scientific,
        space, nasa, satellite, telescope, physics, chemistry, biology, genetics, gene, dna,
        nanotechnology, engineering, engineer, innovation, patent, open source, linux, windows,
        operating system, programmer, telecoms, telecommunications, cyber, encryption, password,
        domain name, e-commerce, voip, net telephony, high-definition, hdtv, screen resolution,
        silicon valley, research lab, researcher, technologies, technological, camera phone, sms,
        text message, text messaging, online gaming, virtual, pixel, megapixel, gigabyte, megabyte,
        games maker, games developer, game developer, games industry, gameplay, multiplayer,
        role-playing game, spammer, printer, rfid, software maker, chipmaker""",
        """data, program, programs, code, application, app, digital camera, camera, tv technology,
        electronics, electronic, net, users, technical, tool, system, systems, machine, innovation,
        research, study, laboratory, experiment, storage, memory, battery, screen, format, standard,
        platform, service provider, operator, subscriber, subscribers, inventor, invention""",
        """phone, phones, computer firm, firms, market, launched, launch, new version, version""",
    ),
    "society": (
        """society, social, poverty, welfare, homeless, homelessness, immigrant, migrant, asylum
        seeker, refugee, racism, racial, discrimination, equality, gay, lesbian, same-sex, civil
        partnership, charity, charities, volunteer, gender, disability, disabled, ethnic minority,
        inequality, census, social services, child poverty, pensioner""",
        """community, communities, family, families, children, elderly, young people, youth, women,
        marriage, population, housing, neighbourhood, benefits, rights, campaigners""",
        """people, public, citizens, residents""",
    ),
    "sport": (
        """sport, sports, football, soccer, rugby, cricket, tennis, golf, athletics, athlete, boxing,
        boxer, cycling, formula one, f1, grand prix, motor racing, horse racing, olympic, olympics,
        olympian, world cup, champions league, uefa cup, premiership, premier league, fa cup, uefa,
        fifa, six nations, wimbledon, grand slam, australian open, us open, french open, tournament,
        championship, striker, midfielder, defender, goalkeeper, winger, full-back, fly-half, scrum,
        try-line, wicket, batsman, bowler, innings, test match, one-day, medal, gold medal,
        silver medal, bronze medal, sprinter, sprint, marathon, relay, hurdles, long jump, high jump,
        world record, doping, iaaf, ioc, referee, penalty kick, free-kick, red card, yellow card,
        kick-off, half-time, extra time, hat-trick, semi-final, quarter-final, final whistle, seeded,
        top seed, tie-break, set point, match point, break point, lions tour, scored, goalless,
        relegation, promotion, league leader, coach, manager, squad, club, team-mate, team mate,
        player, captain, international, cap, debut, fixture, stadium, pitch, season, transfer,
        transfer window, signing, sign, injury, hamstring, knee injury, ankle injury""",
        """match, game, win, won, defeat, beat, beaten, draw, drew, victory, title, champion,
        league, cup, final, goal, goals, try, tries, score, points, race, runner, racing, indoor,
        outdoor, team, teams, fans, supporters, opponent, rival, unbeaten, boss, home side, away,
        trophy, semi, qualifier, qualify, qualified, ranking, world number, title race, form, fit,
        fitness, training, squad list, clubs, lead, led, second half, first half, minutes, injured""",
        """play, played, playing, players, star, record, set, week, weekend, round, point""",
    ),
    "weather": (
        """weather, rainfall, snowfall, heatwave, heat wave, blizzard, thunderstorm, gale, frost,
        met office, forecaster, meteorological, weather forecast, cold snap, hailstorm, monsoon""",
        """rain, snow, storm, wind, winds, temperature, sunshine, fog, ice, freezing, drought, humid""",
        """cold, hot, warm, wet, dry, cloud""",
    ),
}

# Free tags: a lower-case tag and the words or phrases that suggest it. A tag is given when its
# triggers occur at least twice (or once in the headline).
TAG_TRIGGERS: dict[str, str] = {
    "diplomacy": """diplomacy, diplomatic, diplomat, summit, bilateral, embassy, ambassador, foreign
        minister, foreign secretary, foreign policy, talks, treaty, state visit, shuttle diplomacy""",
    "elections": """election, general election, by-election, snap election, vote, voter, voting,
        ballot, polls, manifesto, candidate, constituency, electoral""",
    "parliament": """parliament, parliamentary, mp, mps, commons, house of commons, house of lords,
        lower house, upper house, senate, congress, legislature, lawmaker, backbench""",
    "trade": """exports, imports, exporter, importer, tariff, trade deficit, trade agreement, wto,
        free trade, trans-pacific partnership, trade talks, trade barrier, trade surplus""",
    "security": """security, defence, defense, military, nuclear, missile, troops, armed forces""",
    "nuclear weapons": """nuclear weapon, nuclear programme, nuclear development, nuclear test,
        enrichment, warhead""",
    # Not "economy": the IPTC top level "economy, business and finance" already says that, and two
    # topic pages with nearly one name would split the same stories.
    "macroeconomics": """economy, economic, gdp, growth, inflation, recession, interest rate, central bank""",
    "markets": """stock market, shares, share price, ftse, dow jones, nasdaq, nikkei, investor, bond""",
    "currencies": """currency, dollar, yen, sterling, exchange rate, single currency""",
    "energy": """oil, oil price, crude, barrel, opec, gas, energy, electricity, power station""",
    "mergers and acquisitions": """merger, acquisition, takeover, buyout, bid for, deal to buy""",
    "corporate results": """profit, profits, pre-tax profit, revenue, turnover, earnings, dividend,
        quarterly results, annual results""",
    "banking": """bank, banking, lender, lending, loan, mortgage, credit""",
    "retail": """retailer, retail sales, shop, store, supermarket, consumer spending, high street""",
    "aviation": """airline, airport, flight, aircraft, airbus, boeing, plane""",
    "cars": """carmaker, car maker, car, cars, vehicle, motor industry""",
    "taxation": """tax, taxes, taxation, vat, income tax, tax cut, tax rise""",
    "public spending": """budget, spending, public services, public finances, borrowing""",
    "employment": """jobs, job cuts, unemployment, employment, workers, workforce, redundancies""",
    "pensions": """pension, pensions, retirement, pensioner""",
    "trade unions": """trade union, union leader, union member, walkout, industrial action, strike action,
        picket, tuc""",
    "football": """football, soccer, premiership, premier league, fa cup, champions league, uefa,
        fifa, striker, midfielder, goalkeeper, defender""",
    "rugby": """rugby, six nations, scrum, fly-half, lions tour, try-line""",
    "cricket": """cricket, wicket, batsman, bowler, innings, test match, one-day""",
    "tennis": """tennis, wimbledon, grand slam, australian open, us open, french open, seed,
        tie-break, set point""",
    "athletics": """athletics, sprint, sprinter, marathon, relay, hurdles, long jump, high jump,
        iaaf, indoor championships, triple jump, pole vault""",
    "olympics": """olympic, olympics, olympian, ioc""",
    "motor racing": """formula one, f1, grand prix, motor racing""",
    "doping": """doping, drugs test, drug test, banned substance, wada""",
    "film": """film, movie, cinema, box office, hollywood, actor, actress, film director, screenplay""",
    "awards": """oscar, academy award, bafta, golden globe, grammy, brit award, emmy, nomination,
        nominated, award, awards, prize""",
    "music": """album, singer, band, song, music, musician, chart, gig, concert, rapper, single""",
    "television": """tv, television, channel, sitcom, series, viewers, broadcaster, bbc one, itv""",
    "radio": """radio, dj, radio station, radio show""",
    "books": """novel, novelist, author, literary, booker prize, poet, poetry, paperback, bestseller""",
    "theatre": """theatre, playwright, west end, broadway, stage show, stage musical""",
    "visual arts": """art, artist, gallery, exhibition, painting, sculpture, museum, auction""",
    "internet": """internet, online, web, website, broadband, e-mail, email, net, browser,
        search engine, blog, blogger""",
    "mobile phones": """mobile phone, mobile, handset, smartphone, 3g, camera phone, sms,
        text message""",
    "video games": """video game, games console, console, gaming, gamer, playstation, xbox,
        nintendo""",
    "computer security": """computer virus, virus, hacker, hacking, spyware, phishing, malware,
        firewall, spam, security flaw, cyber""",
    "software": """software, operating system, linux, windows, open source, program, programmer""",
    "digital music": """download, downloading, file-sharing, file sharing, peer-to-peer, p2p,
        ipod, mp3, podcast, itunes""",
    "consumer electronics": """gadget, device, digital camera, hdtv, high-definition, dvd player,
        electronics, laptop, pc""",
    "space": """space, nasa, satellite, telescope, orbit, astronaut, mars""",
    "copyright": """copyright, piracy, pirated, intellectual property, patent""",
    "courts": """court, judge, jury, lawsuit, sued, verdict, high court, court case, trial judge""",
    "policing": """police, arrested, arrest, detective, officers""",
    "terrorism": """terrorism, terrorist, terror, al-qaeda, suicide bomber""",
    "immigration": """immigration, immigrant, migrant, asylum, asylum seeker, border controls""",
    "civil liberties": """id card, id cards, civil liberties, human rights, house arrest, privacy""",
    "education": """school, pupil, teacher, university, student, tuition fee, exam, education""",
    "health care": """nhs, hospital, doctor, nurse, patient, health service, healthcare""",
    "climate change": """climate change, global warming, emissions, kyoto, greenhouse gas, carbon""",
    "disasters": """tsunami, earthquake, hurricane, flood, disaster, death toll""",
    "war": """war, troops, soldier, insurgent, invasion, occupation, military action""",
    "european union": """european union, eu, european commission, brussels, european parliament""",
    "media": """newspaper, broadcaster, journalist, editor, media, magazine, press freedom""",
}
