"""Names and places for the synthetic council: plain data, no logic.

First names are listed most popular first; the seed weights them by rank
(a Zipf-like curve), so the top names are common and the tail is rare.
Everything here is fictional or a common name: no real person is described.
"""

from dataclasses import dataclass

# Popular first names of babies born in England and Wales, by decade of
# birth, most popular first (after the ONS baby names lists).
ENGLISH_BOYS: dict[int, str] = {
    1950: """David John Michael Peter Robert Stephen Alan Christopher Richard Anthony Brian Paul Keith
        Roger Graham Kenneth Terence Barry Malcolm Colin Geoffrey Trevor Ronald Raymond Dennis Derek
        Roy Philip William James Ian Martin Leslie Gordon Nigel Clive Frank Ernest Patrick Andrew""",
    1960: """David Paul Mark John Michael Andrew Stephen Peter Robert Richard Ian Gary Alan Christopher
        Anthony Kevin Steven James William Philip Martin Simon Neil Brian Keith Graham Colin Nigel
        Trevor Kenneth Barry Timothy Jonathan Thomas Darren Stuart Adrian Julian Russell Jeremy""",
    1970: """Paul Mark David Andrew Richard Christopher James Simon Michael Matthew Stephen Lee John
        Robert Darren Daniel Steven Jason Nicholas Jonathan Ian Neil Peter Stuart Anthony Martin Kevin
        Craig Philip Gary Scott Wayne Carl Dean Adam Benjamin Thomas Timothy Shaun Russell Gareth""",
    1980: """Christopher James David Daniel Michael Matthew Andrew Richard Paul Mark Thomas Adam Robert
        John Lee Benjamin Steven Jonathan Craig Stephen Simon Nicholas Peter Anthony Alexander Gary
        Ian Ryan Luke Jamie Stuart Philip Darren William Gareth Martin Kevin Scott Dean Joseph Jason
        Neil Samuel Carl Ben Sean Timothy Oliver Ashley Wayne""",
    1990: """Thomas James Jack Daniel Matthew Ryan Joshua Luke Samuel Jordan Adam Michael Alexander
        Christopher Benjamin Joseph Liam Jake William Andrew George Lewis Oliver David Robert Callum
        Connor Kieran Nathan Jamie Aaron Ben Harry Kyle Bradley Charlie Dean Sam Scott Jacob Reece
        Mohammed Cameron Max Ashley Shane""",
    2000: """Jack Thomas Joshua James Daniel Harry Samuel Joseph Matthew Callum Luke William Lewis Oliver
        Ryan Benjamin George Liam Jordan Adam Alexander Jake Connor Cameron Nathan Kieran Mohammed
        Jamie Charlie Ethan Alfie Tyler Dylan Max Kyle Aaron Bradley Reece Owen Ben Jacob Archie Louis
        Henry Toby Brandon Mason Riley""",
    2010: """Oliver Jack Harry Jacob Charlie Thomas George Oscar James William Noah Alfie Joshua Muhammad
        Henry Leo Archie Ethan Joseph Freddie Samuel Alexander Logan Daniel Isaac Max Mohammed Benjamin
        Mason Lucas Edward Harrison Jake Dylan Riley Finley Theo Sebastian Adam Zachary Arthur Toby
        Jayden Luke Harley Lewis Tyler Reggie Teddy Elijah Louie Jenson""",
    2020: """Noah Muhammad Oliver George Leo Arthur Oscar Theodore Freddie Theo Archie Henry Jack Charlie
        Luca Alfie Finley Thomas Teddy Lucas Isaac Harry Tommy Hudson Albie Jude Reggie Arlo Ezra
        Elijah Roman Rory Mohammed Louie Edward Albert Ronnie Jacob Joshua Max Harrison Hugo Sonny
        Finn Milo Ralph Rowan Otis Jaxon Ollie Frankie""",
}

ENGLISH_GIRLS: dict[int, str] = {
    1950: """Susan Linda Christine Margaret Janet Patricia Carol Elizabeth Mary Anne Jean Sandra
        Barbara Pauline Valerie Gillian Jennifer Maureen Kathleen Brenda Diane Lynne Judith Sheila
        Denise Jacqueline Marion Wendy Hilary Ann Sylvia Joan Irene Rosemary Shirley Janice Angela""",
    1960: """Susan Julie Karen Jacqueline Deborah Tracey Jane Helen Diane Sharon Elizabeth Linda Sarah
        Amanda Alison Catherine Gillian Elaine Lorraine Carol Janet Christine Patricia Margaret
        Wendy Nicola Angela Dawn Joanne Beverley Lesley Sandra Jennifer Ann Denise Mandy Anne
        Caroline Lisa""",
    1970: """Sarah Claire Nicola Emma Lisa Joanne Michelle Helen Samantha Karen Amanda Rachel Louise
        Julie Clare Rebecca Sharon Victoria Caroline Susan Alison Catherine Elizabeth Deborah Donna
        Tracey Kelly Jennifer Kerry Natalie Lucy Zoe Hayley Kathryn Anna Dawn Kirsty Angela Laura
        Joanna""",
    1980: """Sarah Laura Gemma Emma Rebecca Claire Victoria Samantha Rachel Amy Jennifer Nicola Katie
        Lisa Kelly Natalie Louise Michelle Hayley Hannah Stacey Charlotte Jessica Lucy Zoe Stephanie
        Danielle Amanda Lauren Jodie Leanne Kirsty Joanne Sophie Kerry Helen Catherine Elizabeth
        Holly Katherine Carly Donna""",
    1990: """Rebecca Lauren Jessica Charlotte Hannah Sophie Amy Emily Laura Emma Chloe Sarah Lucy Katie
        Bethany Georgia Olivia Jade Danielle Megan Shannon Stephanie Holly Abigail Natalie Samantha
        Victoria Amber Rachel Zoe Kirsty Leah Kayleigh Eleanor Alice Jennifer Ellie Courtney Naomi
        Rachael Jasmine Kelly""",
    2000: """Emily Ellie Jessica Sophie Chloe Lucy Olivia Charlotte Katie Megan Grace Hannah Amy Holly
        Lauren Emma Molly Bethany Ella Mia Abigail Lily Rebecca Isabelle Millie Eleanor Leah Amelia
        Georgia Jasmine Courtney Caitlin Niamh Paige Shannon Erin Evie Freya Keira Abbie Ruby Summer
        Madison Phoebe""",
    2010: """Amelia Olivia Isla Emily Poppy Ava Isabella Jessica Lily Sophie Grace Sophia Mia Evie Ruby
        Ella Scarlett Isabelle Chloe Sienna Freya Phoebe Charlotte Daisy Alice Florence Eva Sofia
        Millie Lucy Evelyn Elsie Rosie Imogen Lola Matilda Elizabeth Layla Holly Lilly Molly Erin
        Ellie Maisie Maya Willow Harper Esme""",
    2020: """Olivia Amelia Isla Lily Ava Freya Ivy Florence Willow Isabella Mia Elsie Sophia Evie Grace
        Poppy Rosie Daisy Sienna Evelyn Margot Ella Charlotte Millie Maya Harper Aria Luna Ada Phoebe
        Sofia Matilda Emily Isabelle Bonnie Iris Arabella Delilah Alice Violet Thea Hallie Mabel
        Maeve Penelope Edith Ruby Lottie""",
}

# Names outside the top fifty that children born since 1990 are given, for the long tail.
MODERN_BOYS_TAIL = """Aiden Alex Alistair Ashton Austin Axel Bailey Beau Blake Bobby Caleb Carter Casey Cody
    Cole Corey Dexter Dominic Eddie Eli Elliot Ellis Evan Felix Finlay Flynn Francis Frankie Fraser Gabriel
    Grayson Harvey Hayden Hunter Jackson Jasper Jay Jesse Jonah Junior Kai Kayden Kian Lenny Leon Lincoln
    Louis Luka Maddox Marcus Mateo Maxwell Miles Morgan Myles Ned Nico Oakley Olly Owen Parker Patrick
    Preston Raphael Reuben Rhys Ronan Ruben Rufus Seth Sidney Spencer Stanley Taylor Tobias Travis Tristan
    Ty Victor Vincent Wilfred Xavier Zac Cian Alfred Ezra Gethin Idris Ieuan Dylan Rohan Kayne Ashley
    Brody Declan Eric Ewan Fabian Gideon Hamish Ivan Jenson Kobe Lachlan Leighton Marley Mikey Nolan Percy
    Quentin Rocco Sonny Tate Vinnie Wesley"""
MODERN_GIRLS_TAIL = """Ada Alexa Alisha Amaya Annabelle Ariana Ariella Aurora Autumn Ayla Bella Brooke Cara
    Caitlin Cerys Clara Darcey Darcy Eden Eliza Eloise Elsa Emilia Eve Felicity Gracie Harriet Heidi Hollie
    Hope Imogen Indie Isabel Jasmine Kayla Keira Kiara Lacey Lara Leah Lexi Lilah Lillian Lucia Lydia Macie
    Madison Martha Megan Melissa Mila Minnie Myla Nancy Naomi Nellie Nina Olive Paige Piper Quinn Robyn Rose
    Rosa Sadie Savannah Seren Skye Tilly Zara Zoe Alana Alexis Beatrice Bethan Cleo Dolly Edie Elodie Esmae
    Estelle Fern Gabriella Georgie Honey Isabelle Jorgie Kacey Lana Lyla Marnie Mollie Nia Orla Pearl
    Primrose Rhianna Rosalie Sasha Serena Stella Tegan Tia Valentina Wren Yasmin Zoya"""

# Middle names English families often give, beyond other first names.
ENGLISH_MIDDLE_BOYS = "James John David Michael Thomas William Paul Robert Edward Lee George Alexander Peter Anthony"
ENGLISH_MIDDLE_GIRLS = "Louise Marie Elizabeth Jane Ann Rose Grace Mae May Anne Victoria Jayne Lily Jade"

# Common British surnames with rough frequency per 10,000 people; the list
# then continues with ENGLISH_SURNAMES_TAIL, which the seed weights by rank.
ENGLISH_SURNAMES = """Smith:126 Jones:90 Williams:78 Taylor:56 Brown:56 Davies:48 Evans:40 Wilson:37
    Thomas:36 Johnson:35 Roberts:35 Robinson:30 Thompson:29 Wright:29 Walker:29 White:27 Edwards:26
    Hughes:26 Green:26 Hall:26 Lewis:25 Harris:25 Clarke:24 Jackson:24 Wood:23 Turner:22 Martin:22
    Cooper:21 Hill:21 Ward:21 Morris:21 Moore:20 Clark:20 Lee:20 King:20 Baker:20 Harrison:20
    Morgan:19 Allen:19 James:19 Scott:18 Phillips:18 Watson:18 Davis:18 Parker:17 Price:17 Bennett:17
    Young:17 Griffiths:17 Mitchell:16 Kelly:16 Cook:16 Carter:16 Richardson:16 Bailey:15 Collins:15
    Bell:15 Shaw:15 Murphy:15 Miller:15 Cox:14 Richards:14 Marshall:14 Anderson:14 Simpson:13
    Ellis:13 Adams:13 Wilkinson:13 Foster:13 Chapman:12 Powell:12 Webb:12 Rogers:12 Gray:12 Mason:12
    Hunt:12 Campbell:11 Matthews:11 Owen:11 Palmer:11 Holmes:11 Mills:11 Barnes:11 Knight:11 Lloyd:11
    Butler:11 Russell:11 Barker:11 Fisher:11 Stevens:11 Jenkins:11 Murray:10 Dixon:10 Harvey:10"""

ENGLISH_SURNAMES_TAIL = """Graham Pearson Fletcher Walsh Gibson Howard Andrews Stewart Elliott
    Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer
    Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees
    Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods
    Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy
    Williamson Bird Gardner Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns
    Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates
    Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers Griffin
    Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Rowe
    Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson Hammond Arnold Buckley
    Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens Blake
    Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Clayton Nash
    Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman
    Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson Hayward Carroll Farrell Metcalfe
    Sheppard Whittaker Pickering Abbott Holden Lord Brennan Haynes Lamb Chadwick Dobson Bolton"""

# Parts of English place names, which many rarer surnames are: Ashworth, Holbrook, Whitfield.
TOPONYM_STARTS = """Ash Black Brad Brom Card Chad Clay Cold Crom Dar Eld Fair Fern Green Hal Hart Hay Hol Horn
    Kings Lang Lin Mar Mid New North Oak Pen Rams Red Roth Sel Shaw Stan Stock Sud Thorn Wat West Whit
    Wood Wor Brook Ald Bram Cal Cross Dun Ed Fox Gold Ham Hen Ket Lock Long Mill"""
TOPONYM_ENDS = """ley ton field worth wood ford by ham hurst well stone bridge dale combe more wick cliffe
    shaw land thorpe croft low ridge bury holme"""

IRISH_BOYS = "Sean Patrick Ciaran Conor Declan Liam Aidan Niall Cian Oisin Eoin Darragh Padraig Michael John"
IRISH_GIRLS = "Niamh Siobhan Aoife Ciara Roisin Caoimhe Sinead Orla Grainne Aisling Mary Bridget Saoirse Clodagh"
IRISH_SURNAMES = """Murphy Kelly O'Brien Ryan O'Connor Byrne Walsh McCarthy Doyle Gallagher O'Neill Quinn
    Kennedy Brennan Fitzgerald Lynch O'Sullivan Nolan Flanagan Donnelly Maguire Duffy Keane Reilly"""
TRAVELLER_SURNAMES = "Ward McDonagh Connors Maughan Joyce Stokes Doherty Delaney Cash Casey Sheridan Price"

PAKISTANI_BOYS = """Mohammed Muhammad Ali Ahmed Hassan Hussain Ibrahim Omar Yusuf Zain Adam Ayaan Rayyan
    Imran Asif Tariq Bilal Usman Hamza Zakariya Abdullah Haris Saif Aariz Musa Shahid Kamran Faisal
    Arif Nadeem Rizwan Amir Idris Ismail Ilyas Waqas Adnan Zubair Khalid"""
PAKISTANI_GIRLS = """Aisha Fatima Maryam Zara Zainab Hafsa Khadija Amina Sana Noor Inaya Aleena Anaya Safa
    Hana Nadia Samina Shazia Nazia Rukhsana Farzana Shabana Yasmin Sadia Ayesha Mariam Eman Layla
    Sumaya Humaira Rabia Iqra Mahnoor Haniya Saima Nasreen Parveen"""
PAKISTANI_SURNAMES = """Khan Hussain Ahmed Ali Akhtar Iqbal Mahmood Shah Butt Malik Rashid Aslam Javed Mirza
    Qureshi Raja Sheikh Anwar Bashir Riaz Nawaz Saleem Sadiq Younis Zaman Hanif Rehman Majid Latif Arshad Ashraf
    Aziz Chaudhry Dar Farooq Ghafoor Habib Hameed Nazir Pervez Rafiq Sabir Siddiqui Tahir Yousaf Zafar"""

BANGLADESHI_BOYS = """Mohammed Abdul Rahim Karim Jamal Sohel Rafiq Shahid Anwar Habib Tanvir Arif Rayhan
    Ayaan Zayn Yusuf Ibrahim Ismail Mahir Rayyan Zakir Nazrul Shafiq Mizanur Kamal Salman"""
BANGLADESHI_GIRLS = """Fatema Nasima Shamima Rokeya Taslima Ruksana Salma Jahanara Sumaiya Tasnim Nusrat
    Sadia Anisa Maryam Aisha Inaya Tahmina Rumana Shirin Amina Sabrina Farhana Lamia Raisa"""
BANGLADESHI_SURNAMES = """Miah Uddin Ahmed Rahman Islam Hussain Ali Chowdhury Hoque Alam Rahim Hossain
    Karim Khan Ullah Haque Choudhury Sarkar Mondal Biswas Hasan Jalal Kabir Mahmud Munshi Rashid Sikder
    Talukder Zaman"""

INDIAN_BOYS = """Arjun Rohan Aarav Krish Vikram Sanjay Rajesh Anil Sunil Ravi Amit Harpreet Gurpreet
    Jaspal Manjit Sukhdev Kiran Nikhil Dev Aryan Vivaan Ishaan Arun Deepak Ajay Jaswinder Hardeep
    Rajinder Mandeep Kuldip Aditya Neel Jay Hitesh Dinesh"""
INDIAN_GIRLS = """Priya Anjali Sunita Neha Pooja Kavita Asha Meera Anika Diya Aanya Riya Simran Harpreet
    Gurpreet Jaspreet Manpreet Navdeep Rajvinder Kiran Nisha Seema Rekha Shreya Isha Tara Saanvi Avni
    Hema Bhavna Jasleen"""
INDIAN_SURNAMES = """Patel Singh Sharma Kumar Shah Mistry Gill Sandhu Sidhu Dhillon Parmar Chauhan
    Solanki Mehta Joshi Gupta Lad Rana Bains Sahota Grewal Johal Bhatt Desai Thakkar Chopra Virdi Agarwal
    Dhaliwal Kang Kapoor Khatri Malhotra Mann Nair Pandya Randhawa Sangha Sethi Vaghela"""

AFRICAN_BOYS = """David Emmanuel Daniel Samuel Joshua Oluwaseun Tobi Chidi Chinedu Kwame Kofi Kwabena Yaw
    Femi Ayo Tunde Segun Elijah Jayden Joel Josiah Ethan Nathaniel Isaac Michael Victor Kelechi Obinna
    Tendai Tatenda Precious Prince Godwin Kayode"""
AFRICAN_GIRLS = """Grace Blessing Precious Esther Favour Deborah Ruth Mercy Abena Ama Akosua Adwoa Chioma
    Ngozi Adaeze Funmilayo Folake Temitope Amara Faith Joy Comfort Esi Nneka Ifeoma Tiwa Ola Zion
    Anaya Chantelle Tendai Rutendo"""
AFRICAN_SURNAMES = """Okafor Mensah Adeyemi Okoro Osei Boateng Owusu Asante Adebayo Okonkwo Eze Nwosu
    Ogunleye Afolabi Obi Agyeman Appiah Ansah Moyo Ncube Dube Mutasa Oyelaran Adeleke Olawale Nkemelu
    Danso Amoah Banda Phiri Adeola Akinola Babatunde Chukwu Ekwueme Ibekwe Nnamdi Opoku Quaye Sarpong Tetteh
    Mwangi Otieno Kamau"""

SOMALI_BOYS = """Abdi Mohamed Ahmed Abdirahman Hassan Omar Yusuf Ali Ibrahim Abdullahi Mustafa Said
    Liban Hamza Bilal Ayub Khalid Mahad Abdikarim Ismail Abdiaziz Abdiwali Dahir Guled Hamse Jibril Khadar
    Mukhtar Sharmarke Yonis Zakariye Abdiqani"""
SOMALI_GIRLS = """Hodan Fadumo Hibaq Sagal Ifrah Amal Ayan Nimo Ubah Hawa Asha Sahra Maryan Ikran
    Sumaya Idil Ladan Deeqa Khadra Farhiya Halima Nasra Hamdi Filsan Rahma Ruqiya Bilan Nafisa Shukri Anab
    Kowsar"""
SOMALI_SURNAMES = """Abdi Mohamed Ahmed Hassan Farah Ali Omar Warsame Yusuf Ibrahim Osman Jama Hussein
    Aden Abdullahi Noor Said Egal Dirie Elmi Gedi Hersi Isse Mohamud Samatar Shire Warfa Duale Barre Mire"""

CARIBBEAN_BOYS = """Jermaine Tyrone Delroy Winston Marcus Leroy Andre Dwayne Kemar Nathan Jordan Tyrese
    Kai Malachi Isaiah Elijah Josiah Reuben Clive Errol Lloyd Desmond Aaron Leon Rhys"""
CARIBBEAN_GIRLS = """Marcia Paulette Sonia Jasmine Shanice Tia Kayla Aaliyah Nia Keisha Tanisha Leanne
    Jada Imani Destiny Maya Monique Simone Janet Hyacinth Claudette Nadine Tiana Kiara"""
CARIBBEAN_SURNAMES = """Campbell Williams Brown Thomas Clarke Francis Reid Grant Morgan Robinson Johnson
    Lewis Bailey Gordon Henry Richards Walker Samuels Forbes Stewart McKenzie Bennett Blake Edwards
    Spencer Powell Douglas Wright Hamilton"""

POLISH_BOYS = """Jakub Kacper Szymon Filip Mateusz Michał Piotr Tomasz Paweł Krzysztof Marcin Łukasz
    Adam Bartosz Dawid Kamil Wojciech Antoni Jan Oliwier Maciej Grzegorz Rafał Damian Patryk"""
POLISH_GIRLS = """Zuzanna Julia Maja Zofia Hanna Lena Alicja Amelia Oliwia Natalia Wiktoria Aleksandra
    Anna Katarzyna Magdalena Agnieszka Joanna Monika Ewa Małgorzata Karolina Justyna Marta Dorota
    Paulina Kinga Weronika"""
# Polish surnames in their masculine form; the seed makes -ski, -cki and -dzki
# feminine (Kowalska) for women and girls.
POLISH_SURNAMES = """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
    Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski
    Pawłowski Michalski Wróbel Jabłoński Król Majewski Wieczorek Jaworski Adamczyk Dudek Zając"""

ROMANIAN_BOYS = """Andrei Alexandru Ionuț Mihai Florin Gabriel Marius Adrian Cristian Ștefan David Luca
    Matei Darius Vlad Bogdan Nicolae Sorin Daniel Constantin"""
ROMANIAN_GIRLS = """Maria Elena Ioana Andreea Alexandra Gabriela Mihaela Daria Sofia Bianca Denisa Ana
    Cristina Roxana Larisa Alina Ramona Georgiana Irina Antonia"""
ROMANIAN_SURNAMES = """Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu
    Munteanu Constantin Moldovan Lazăr Marin Tudor Florea Dinu Barbu Dobre Enache Ilie Mocanu Neagu Oprea
    Preda Sandu Toma Vasile Voicu"""

PORTUGUESE_BOYS = "João Tiago Rodrigo Francisco Pedro Diogo Rafael Miguel Gonçalo Duarte Bruno Ricardo Nuno"
PORTUGUESE_GIRLS = "Ana Beatriz Inês Mariana Leonor Carolina Matilde Catarina Sofia Margarida Rita Joana"
PORTUGUESE_SURNAMES = "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Gomes Lopes"

CHINESE_BOYS = "Wei Jun Hao Ming Jian Yang Lei Jie Chen Kai Yu Zihan Haoran Jason Kevin Ryan Justin Eric"
CHINESE_GIRLS = "Mei Ling Xin Yan Hui Jing Yu Xiaoyu Zihan Jia Chloe Vivian Grace Michelle Jennifer Tiffany"
CHINESE_SURNAMES = """Chen Wang Li Zhang Liu Wong Lee Chan Cheung Lam Ng Yang Huang Zhou Wu Ho Leung Lau
    Tang Lin Zhao Yip"""

MIDDLE_EASTERN_BOYS = """Mohammed Ahmad Omar Yusuf Hassan Karim Sami Rami Ali Mustafa Hamid Farhad Rebin
    Aram Zana Mahmoud Khaled Ahmed Jamal Reza Hamza Amir Ibrahim"""
MIDDLE_EASTERN_GIRLS = """Fatima Maryam Layla Nour Sara Rania Hana Shirin Roza Leila Yasmin Amira Huda
    Zahra Dilan Narges Bahar Lina Rima Malak"""
MIDDLE_EASTERN_SURNAMES = """Ahmadi Mohammadi Hassan Abdullah Rahimi Karimi Said Mustafa Aziz Hamid Osman
    Salih Ibrahim Rasul Nouri Haidari Mahmoud Khalil Jaber Rashidi Sultani Hosseini Abbas Bakr Darwish Faraj
    Ghani Habibi Jafari Kareem Mansour Nasser Qasim Sabri Taha Zadeh"""


@dataclass(frozen=True)
class Community:
    """How a household from one community is described: its names, ethnicity codes and languages."""

    key: str
    share: int  # of households, per thousand
    ethnicities: tuple[tuple[str, int], ...]
    boys: str = ""
    girls: str = ""
    surnames: str = ""
    # The chance a first name comes from the community's own list rather than the English one.
    own_names_adults: float = 0.0
    own_names_children: float = 0.0
    middle_names: float = 0.5
    languages: tuple[tuple[str, int], ...] = (("English", 1),)
    # Of adults whose first language is not English, the share who need an interpreter.
    interpreter: float = 0.0
    # Of children, the share whose first language is the family's language rather than English.
    children_home_language: float = 0.0
    religions: tuple[tuple[str, int], ...] = (("", 60), ("Christian", 20), ("No religion", 20))
    migrant: bool = False
    # Surnames some wives and mothers carry instead of the family name (Begum, Bibi, Kaur), with the chance.
    women_surname: str = ""
    women_surname_share: float = 0.0


ENGLISH_LANGUAGE = (("English", 1),)
MUSLIM = (("", 40), ("Muslim", 60))

COMMUNITIES: tuple[Community, ...] = (
    Community(
        "white_british",
        585,
        (("WBRI", 970),),
        surnames="",
        middle_names=0.6,
    ),
    Community(
        "irish",
        12,
        (("WIRI", 95),),
        IRISH_BOYS,
        IRISH_GIRLS,
        IRISH_SURNAMES,
        own_names_adults=0.6,
        own_names_children=0.4,
        religions=(("", 40), ("Roman Catholic", 50), ("No religion", 10)),
    ),
    Community(
        "traveller",
        5,
        (("WIRT", 70), ("WROM", 25)),
        IRISH_BOYS,
        IRISH_GIRLS,
        TRAVELLER_SURNAMES,
        own_names_adults=0.5,
        own_names_children=0.4,
        middle_names=0.2,
        religions=(("", 50), ("Roman Catholic", 50)),
    ),
    Community(
        "polish",
        35,
        (("WOTH", 95),),
        POLISH_BOYS,
        POLISH_GIRLS,
        POLISH_SURNAMES,
        own_names_adults=0.97,
        own_names_children=0.6,
        middle_names=0.2,
        languages=(("Polish", 90), ("English", 10)),
        interpreter=0.3,
        children_home_language=0.3,
        religions=(("", 40), ("Roman Catholic", 55), ("No religion", 5)),
        migrant=True,
    ),
    Community(
        "romanian",
        20,
        (("WOTH", 80), ("WROM", 15)),
        ROMANIAN_BOYS,
        ROMANIAN_GIRLS,
        ROMANIAN_SURNAMES,
        own_names_adults=0.97,
        own_names_children=0.7,
        middle_names=0.15,
        languages=(("Romanian", 85), ("Romani", 10), ("English", 5)),
        interpreter=0.45,
        children_home_language=0.4,
        religions=(("", 40), ("Christian", 55), ("No religion", 5)),
        migrant=True,
    ),
    Community(
        "portuguese",
        8,
        (("WOTH", 95),),
        PORTUGUESE_BOYS,
        PORTUGUESE_GIRLS,
        PORTUGUESE_SURNAMES,
        own_names_adults=0.95,
        own_names_children=0.6,
        middle_names=0.5,
        languages=(("Portuguese", 90), ("English", 10)),
        interpreter=0.25,
        children_home_language=0.25,
        religions=(("", 40), ("Roman Catholic", 55), ("No religion", 5)),
        migrant=True,
    ),
    Community(
        "pakistani",
        65,
        (("APKN", 95),),
        PAKISTANI_BOYS,
        PAKISTANI_GIRLS,
        PAKISTANI_SURNAMES,
        own_names_adults=0.97,
        own_names_children=0.9,
        middle_names=0.3,
        languages=(("English", 45), ("Urdu", 35), ("Punjabi", 15), ("Pashto", 5)),
        interpreter=0.2,
        children_home_language=0.1,
        religions=MUSLIM,
        women_surname="Bibi",
        women_surname_share=0.15,
    ),
    Community(
        "bangladeshi",
        28,
        (("ABAN", 95),),
        BANGLADESHI_BOYS,
        BANGLADESHI_GIRLS,
        BANGLADESHI_SURNAMES,
        own_names_adults=0.97,
        own_names_children=0.9,
        middle_names=0.3,
        languages=(("English", 35), ("Bengali", 35), ("Sylheti", 30)),
        interpreter=0.3,
        children_home_language=0.1,
        religions=MUSLIM,
        women_surname="Begum",
        women_surname_share=0.4,
    ),
    Community(
        "indian",
        40,
        (("AIND", 95),),
        INDIAN_BOYS,
        INDIAN_GIRLS,
        INDIAN_SURNAMES,
        own_names_adults=0.95,
        own_names_children=0.75,
        middle_names=0.35,
        languages=(("English", 55), ("Punjabi", 20), ("Gujarati", 20), ("Hindi", 5)),
        interpreter=0.15,
        children_home_language=0.05,
        religions=(("", 35), ("Sikh", 30), ("Hindu", 30), ("Muslim", 5)),
        women_surname="Kaur",
        women_surname_share=0.2,
    ),
    Community(
        "african",
        45,
        (("BAFR", 95),),
        AFRICAN_BOYS,
        AFRICAN_GIRLS,
        AFRICAN_SURNAMES,
        own_names_adults=0.7,
        own_names_children=0.5,
        middle_names=0.6,
        languages=(("English", 60), ("Yoruba", 15), ("Twi", 10), ("Igbo", 8), ("Shona", 7)),
        interpreter=0.1,
        children_home_language=0.05,
        religions=(("", 30), ("Christian", 65), ("Muslim", 5)),
        migrant=True,
    ),
    Community(
        "somali",
        15,
        (("BAFR", 90), ("BOTH", 5)),
        SOMALI_BOYS,
        SOMALI_GIRLS,
        SOMALI_SURNAMES,
        own_names_adults=0.98,
        own_names_children=0.9,
        middle_names=0.2,
        languages=(("Somali", 80), ("English", 15), ("Arabic", 5)),
        interpreter=0.35,
        children_home_language=0.2,
        religions=MUSLIM,
        migrant=True,
    ),
    Community(
        "caribbean",
        25,
        (("BCRB", 90), ("BOTH", 5)),
        CARIBBEAN_BOYS,
        CARIBBEAN_GIRLS,
        CARIBBEAN_SURNAMES,
        own_names_adults=0.5,
        own_names_children=0.4,
        middle_names=0.6,
        religions=(("", 40), ("Christian", 50), ("No religion", 10)),
    ),
    Community(
        "chinese",
        10,
        (("CHNE", 95),),
        CHINESE_BOYS,
        CHINESE_GIRLS,
        CHINESE_SURNAMES,
        own_names_adults=0.8,
        own_names_children=0.5,
        middle_names=0.3,
        languages=(("Cantonese", 40), ("Mandarin", 40), ("English", 20)),
        interpreter=0.3,
        children_home_language=0.15,
        religions=(("", 50), ("No religion", 35), ("Buddhist", 10), ("Christian", 5)),
        migrant=True,
    ),
    Community(
        "middle_eastern",
        22,
        (("OOTH", 50), ("AOTH", 40)),
        MIDDLE_EASTERN_BOYS,
        MIDDLE_EASTERN_GIRLS,
        MIDDLE_EASTERN_SURNAMES,
        own_names_adults=0.98,
        own_names_children=0.85,
        middle_names=0.15,
        languages=(("Arabic", 40), ("Kurdish", 25), ("Dari", 15), ("Pashto", 10), ("Farsi", 10)),
        interpreter=0.5,
        children_home_language=0.3,
        religions=MUSLIM,
        migrant=True,
    ),
)

# One parent White British, the other from one of these: the children's mixed ethnicity code.
MIXED_SHARE = 85  # households per thousand
MIXED_PARTNERS: tuple[tuple[str, str, int], ...] = (
    ("caribbean", "MWBC", 40),
    ("african", "MWBA", 25),
    ("pakistani", "MWAS", 10),
    ("indian", "MWAS", 12),
    ("chinese", "MWAS", 4),
    ("middle_eastern", "MOTH", 4),
    ("polish", "WOTH", 5),
)

IMMIGRATION_STATUSES: tuple[tuple[str, int], ...] = (
    ("", 55),
    ("british", 15),
    ("settled", 15),
    ("pre_settled", 8),
    ("refugee", 4),
    ("asylum_seeker", 2),
    ("nrpf", 1),
)

# The synthetic city.
TOWN = "Northbridge"
DISTRICTS: tuple[str, ...] = (
    "City Centre",
    "Eastfield",
    "Westgate",
    "Northbridge Hill",
    "Millbrook",
    "Ashby Park",
    "Riverside",
    "Hollins",
    "Kingsmead",
    "Brockley Vale",
    "Fairholme",
    "Sandford",
    "Thornbury",
    "Greenlands",
    "Calder Bank",
    "Whitmoor",
    "Oakenshaw",
    "Lowfield",
    "St Anne's",
    "Harrowby",
)
# Letters a postcode's inward code may use.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

STREET_STEMS = """Oak Ash Beech Elm Willow Birch Cedar Hazel Holly Rowan Alder Maple Chestnut Sycamore
    Station Church Mill Victoria Albert Queen's King's Park Manor Springfield Grange Meadow Orchard
    Windsor York Lancaster Chester Cambridge Oxford Stanley Grosvenor Clarence Alexandra Brunswick
    Hawthorn Heather Bramble Primrose Bluebell Foxglove Clover Fern Lavender Laurel Juniper Poplar
    Abbey Priory Chapel Castle Bridge Wharf Canal River Brook Dale Valley Hill Ridge Moor Heath Field
    Green Common Lodge Cross Market Forge Tannery Foundry Pottery Brewery Weavers Spinners Cotton
    Wool Coal Iron Rope Salt Kiln Quarry Windmill Stoney Sandy Long Broad Middle Far Upper Lower
    High Low North South East West Nelson Wellington Milton Shelley Byron Keats Wordsworth Tennyson
    Darwin Newton Faraday Stephenson Brunel Telford Arkwright Cavendish Devonshire Rutland Somerset
    Norfolk Suffolk Cumberland Beaumont Fairfax Ashton Bolton Carlton Dalton Elton Fenton Hampton
    Kingston Langley Marston Norton Preston Royston Shipley Thornton Walton Whitby Yarwood Acre
    Barley Corn Harvest Hayfield Pasture Paddock Stable Coach Carriage Cart Plough Shepherd Mason
    Cooper Fletcher Tanner Thatcher Baker Miller Farrier Glebe Vicarage Rectory School College"""
STREET_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("Road", 30),
    ("Street", 25),
    ("Avenue", 10),
    ("Close", 10),
    ("Lane", 8),
    ("Grove", 6),
    ("Drive", 6),
    ("Way", 5),
    ("Crescent", 5),
    ("Gardens", 4),
    ("Terrace", 4),
    ("Place", 3),
    ("Walk", 2),
    ("Mews", 1),
)
BLOCK_SUFFIXES = ("Court", "House", "Heights", "Point", "Tower", "Mansions")

SAINTS = "Mary's Peter's Paul's John's Anne's Joseph's Michael's Andrew's Luke's Mark's Thomas's Augustine's"

WARNING_DETAILS: dict[str, tuple[str, ...]] = {
    "risk_to_staff": (
        "Verbally abusive and threatening to a social worker on a home visit. Visit in pairs.",
        "Made threats to harm staff during a phone call. Meet in the office where possible.",
        "Followed a worker to her car after a visit. Do not visit alone.",
    ),
    "violence": (
        "Police record of domestic abuse incidents. Check with the police before visiting.",
        "Convicted of assault. Risk assessment before any home visit.",
        "Has been physically aggressive to professionals at school meetings.",
    ),
    "dog": (
        "Large dog at the address, not always kept secure. Ask for it to be shut away before entering.",
        "Two dogs at the property; one has bitten a visitor. Phone ahead.",
    ),
    "lone_working": (
        "Do not visit alone: history of false allegations against lone workers.",
        "Isolated address with no mobile signal. Visit in pairs and tell the office when you leave.",
    ),
    "risk_to_children": ("Subject of MAPPA arrangements. Check the current plan before any contact.",),
    "weapons": ("Knives reported at the address by the police.",),
    "health": ("Infection risk at the address: follow the health protection advice on file.",),
    "other": ("Hoarding at the address: clear access is limited.",),
}
