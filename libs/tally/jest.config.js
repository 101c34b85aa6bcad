module.exports = { ...require('../../jest.preset.js'), displayName: 'tally', rootDir: __dirname };
