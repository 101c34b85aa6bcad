module.exports = { ...require('../../jest.preset.js'), displayName: 'territory', rootDir: __dirname };
