/**
 * Person cues: common given names across languages seen in international news, and titles or
 * roles that precede a name. Written for the tagger's gazetteer features.
 */
export const FIRST_NAMES: readonly string[] = [
  // English
  'John', 'James', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin',
  'Brian', 'George', 'Edward', 'Ronald', 'Timothy', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric',
  'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Frank', 'Gregory', 'Raymond',
  'Alexander', 'Patrick', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Henry', 'Peter', 'Adam', 'Douglas', 'Nathan',
  'Zachary', 'Walter', 'Kyle', 'Harold', 'Carl', 'Arthur', 'Roger', 'Keith', 'Lawrence', 'Terry', 'Sean', 'Albert',
  'Joe', 'Bill', 'Bob', 'Tom', 'Jim', 'Mike', 'Tony', 'Dave', 'Steve', 'Chris', 'Nick', 'Tim', 'Ian', 'Neil',
  'Graham', 'Colin', 'Martin', 'Simon', 'Philip', 'Alan', 'Gordon', 'Nigel', 'Ray', 'Greg', 'Craig', 'Wayne',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Nancy',
  'Lisa', 'Margaret', 'Betty', 'Sandra', 'Ashley', 'Dorothy', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol',
  'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Kathleen', 'Amy',
  'Shirley', 'Angela', 'Helen', 'Anna', 'Brenda', 'Pamela', 'Nicole', 'Samantha', 'Katherine', 'Emma', 'Ruth',
  'Christine', 'Catherine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Virginia', 'Maria', 'Heather', 'Diane', 'Julie',
  'Joyce', 'Victoria', 'Kelly', 'Christina', 'Joan', 'Evelyn', 'Lauren', 'Judith', 'Olivia', 'Martha', 'Cheryl',
  'Hillary', 'Theresa', 'Jane', 'Anne', 'Sue', 'Kate', 'Jenny', 'Alice', 'Grace', 'Sophie', 'Hannah', 'Lucy',
  // French, Italian, Spanish, Portuguese
  'Jean', 'Pierre', 'Jacques', 'Michel', 'Francois', 'Philippe', 'Alain', 'Nicolas', 'Emmanuel', 'Laurent',
  'Olivier', 'Christophe', 'Marie', 'Sophie', 'Isabelle', 'Nathalie', 'Giuseppe', 'Giovanni', 'Antonio', 'Marco',
  'Luca', 'Francesco', 'Alessandro', 'Paolo', 'Roberto', 'Silvio', 'Matteo', 'Giorgio', 'Carlos', 'Juan', 'Jose',
  'Luis', 'Miguel', 'Javier', 'Manuel', 'Pedro', 'Jorge', 'Pablo', 'Fernando', 'Alejandro', 'Diego', 'Rafael',
  'Sergio', 'Ricardo', 'Eduardo', 'Carmen', 'Ana', 'Lucia', 'Sofia', 'Joao', 'Paulo', 'Luiz', 'Jair', 'Dilma',
  // German, Dutch, Nordic
  'Hans', 'Klaus', 'Helmut', 'Gerhard', 'Wolfgang', 'Jurgen', 'Dieter', 'Stefan', 'Andreas', 'Thomas', 'Angela',
  'Ursula', 'Olaf', 'Frank-Walter', 'Horst', 'Heinz', 'Uwe', 'Jan', 'Lars', 'Anders', 'Erik', 'Henrik', 'Nils',
  'Sven', 'Johan', 'Mats', 'Pieter', 'Willem', 'Mette', 'Jens', 'Stefan',
  // Slavic, Eastern European
  'Vladimir', 'Dmitry', 'Sergei', 'Sergey', 'Alexei', 'Alexey', 'Boris', 'Mikhail', 'Ivan', 'Igor', 'Yuri',
  'Nikolai', 'Viktor', 'Andrei', 'Oleg', 'Pavel', 'Volodymyr', 'Petro', 'Yulia', 'Olga', 'Natalia', 'Tatiana',
  'Irina', 'Svetlana', 'Lech', 'Jaroslaw', 'Andrzej', 'Donald', 'Vaclav', 'Milos', 'Slobodan', 'Aleksandar',
  'Viktor', 'Janos', 'Zoltan', 'Traian', 'Klaus',
  // Arabic, Turkish, Persian, Kurdish
  'Mohammed', 'Mohammad', 'Muhammad', 'Mohamed', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Hussain', 'Omar',
  'Umar', 'Abdullah', 'Abdel', 'Abdul', 'Khalid', 'Khaled', 'Mahmoud', 'Mustafa', 'Mustapha', 'Ibrahim', 'Youssef',
  'Yusuf', 'Salman', 'Faisal', 'Hamad', 'Tamim', 'Bashar', 'Hafez', 'Rafik', 'Saad', 'Nabil', 'Walid', 'Fatima',
  'Aisha', 'Layla', 'Leila', 'Recep', 'Tayyip', 'Ahmet', 'Mehmet', 'Mevlut', 'Hulusi', 'Binali', 'Kemal',
  'Abdullah', 'Ekrem', 'Fahrettin', 'Ibrahim', 'Hasan', 'Hakan', 'Selahattin', 'Hamid', 'Hassan', 'Javad',
  'Mahmoud', 'Qassem', 'Ebrahim', 'Masoud', 'Jalal', 'Mazloum', 'Nouri', 'Haider', 'Moqtada', 'Yasser', 'Benjamin',
  'Benny', 'Yitzhak', 'Shimon', 'Ehud', 'Ariel', 'Naftali', 'Yair',
  // South and East Asian, African
  'Narendra', 'Rahul', 'Sonia', 'Manmohan', 'Imran', 'Nawaz', 'Benazir', 'Pervez', 'Shinzo', 'Yoshihide',
  'Fumio', 'Junichiro', 'Xi', 'Li', 'Wang', 'Hu', 'Jiang', 'Deng', 'Kim', 'Moon', 'Park', 'Lee', 'Nelson',
  'Thabo', 'Jacob', 'Cyril', 'Uhuru', 'Raila', 'Muhammadu', 'Goodluck', 'Olusegun', 'Yoweri', 'Paul', 'Robert',
  'Emmerson', 'Abiy', 'Kofi', 'Ban', 'Antonio', 'Boutros', 'Jens', 'Mark', 'Emmanuel', 'Joe', 'Kamala', 'Barack',
  'Hillary', 'Nancy', 'Mitch', 'Mike', 'Rex', 'Theresa', 'Boris', 'Keir', 'Rishi', 'Liz', 'Gordon', 'Tony',
];

/** Titles and roles that typically precede a person's name ("President Macron", "Gen. Smith"). */
export const TITLES: readonly string[] = [
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Lady', 'Lord',
  'Dame', 'President', 'Vice President', 'Prime Minister', 'Premier', 'Chancellor', 'Minister', 'Secretary',
  'Secretary-General', 'Secretary General', 'Ambassador', 'Envoy', 'Governor', 'Mayor', 'Senator', 'Sen.',
  'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Speaker', 'Judge', 'Justice', 'Chairman',
  'Chairwoman', 'Chief', 'Director', 'Commissioner', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'General',
  'Gen.', 'Lt.', 'Lieutenant', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Sgt.', 'Sergeant',
  'Admiral', 'Adm.', 'Marshal', 'Commander', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Emir', 'Sultan',
  'Crown Prince', 'Pope', 'Cardinal', 'Archbishop', 'Bishop', 'Father', 'Rev.', 'Reverend', 'Rabbi', 'Imam',
  'Ayatollah', 'Coach', 'Manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'coach', 'president',
  'minister', 'spokesman', 'spokeswoman', 'leader', 'chairman', 'chief', 'director', 'secretary', 'governor',
  'mayor', 'ambassador', 'envoy', 'analyst', 'economist', 'lawyer', 'Foreign Minister', 'Defence Minister',
  'Defense Minister', 'Interior Minister', 'Finance Minister', 'foreign minister', 'prime minister',
];
